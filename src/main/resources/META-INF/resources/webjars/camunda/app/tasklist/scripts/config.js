// duban's Tasklist configuration; replaces the webjar's scripts/config.js.
// Each feature adds its own script to customScripts (one line each), relative to the tasklist folder.
import {app, dateFormat, locales, text} from '../../duban/webapp.js';

export default {
  customScripts: [
    'duban/form-messages-zh',
    'duban/date-phrases-zh',
    'scripts/duban-evidence.js',
  ],
  app: app('任务中心', 'Tasks'),
  locales,
  dateFormat,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: text('认领当前选中的任务', 'claims the currently selected task')},
    focusFilter: {key: 'ctrl+shift+f', description: text('跳到第一个筛选器', 'set the focus to the first filter in the list')},
    focusList: {key: 'ctrl+alt+l', description: text('跳到列表中的第一个任务', 'sets the focus to the first task in the list')},
    focusForm: {key: 'ctrl+alt+f', description: text('跳到任务表单的第一个输入项', 'sets the focus to the first input field in a task form')},
    startProcess: {key: 'ctrl+alt+p', description: text('打开发起流程对话框', 'opens the start process modal dialog')}
  }
};
