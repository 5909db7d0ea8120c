// Tasklist's task list writes "{{'DUE' | translate}} <span am-time-ago>": "Due in 3 days". Chinese puts the verb
// last: "3 天后到期", "4 分钟前创建", "2 天后跟进". The label's text node (AngularJS keeps a reference to it and
// still updates it) is moved behind the relative time.
import {english} from '../../duban/webapp.js';

const PHRASES = '.dates > .due-date, .dates > .followup-date, .dates > .creation-date';

function reorder() {
  document.querySelectorAll(PHRASES).forEach((phrase) => {
    const label = phrase.firstChild;
    const time = phrase.querySelector('[am-time-ago]');
    if (label && label.nodeType === Node.TEXT_NODE && label.data.trim() && time) {
      label.data = label.data.trim();
      phrase.appendChild(label);
    }
  });
}

if (!english) {
  new MutationObserver(reorder).observe(document.documentElement, {childList: true, subtree: true});
}
