// Tasklist's task list writes "{{'DUE' | translate}} <span am-time-ago>": "Due in 3 days". Chinese puts the verb
// last: "3 天后到期", "4 分钟前创建", "2 天后跟进". The label's text node (AngularJS keeps a reference to it and
// still updates it) is moved behind the relative time, and its template whitespace trimmed.
import {english} from '../../duban/webapp.js';

const PHRASES = '.dates > .due-date, .dates > .followup-date, .dates > .creation-date';

function reorder() {
  document.querySelectorAll(PHRASES).forEach((phrase) => {
    const time = phrase.querySelector(':scope > [am-time-ago]');
    if (!time) {
      return;
    }
    for (const node of Array.from(phrase.childNodes)) {
      if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) {
        continue;
      }
      if (node.compareDocumentPosition(time) & Node.DOCUMENT_POSITION_FOLLOWING) {
        time.after(node);
      }
      if (node.data !== node.data.trim()) {
        node.data = node.data.trim();
      }
    }
  });
}

if (!english) {
  new MutationObserver(reorder).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
