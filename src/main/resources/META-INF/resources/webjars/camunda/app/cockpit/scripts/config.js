// duban's Cockpit configuration; replaces the webjar's scripts/config.js.
// Each feature adds its own plugin script to customScripts (one line each), relative to the cockpit folder.
import {app, dateFormat, locales} from '../../duban/webapp.js';

export default {
  customScripts: [
  ],
  app: app('监控中心', 'Monitoring'),
  locales,
  dateFormat
};
