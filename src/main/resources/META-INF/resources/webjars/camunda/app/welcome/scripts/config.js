// duban's Welcome configuration; replaces the webjar's scripts/config.js.
import {app, locales} from '../../duban/webapp.js';

export default {
  app: app('门户', 'Home'),
  locales
};
