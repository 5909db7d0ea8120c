// duban's Admin configuration; replaces the webjar's scripts/config.js.
import {app, dateFormat, locales} from '../../duban/webapp.js';

export default {
  app: app('系统管理', 'Administration'),
  locales,
  dateFormat
};
