// duban's Cockpit configuration; replaces the webjar's scripts/config.js.
// Each feature adds its own plugin script to customScripts (one line each), relative to the cockpit folder.
import {app, dateFormat, locales} from '../../duban/webapp.js';

export default {
  customScripts: [
    'scripts/duban/import.js', // duban.plan: 导入任务分工表 page (upload, preview, units, import) and navigation entry
    'scripts/duban/overview.js', // duban.overview: 督办总览 dashboard section, page and navigation entry
  ],
  app: app('监控中心', 'Monitoring'),
  locales,
  dateFormat
};
