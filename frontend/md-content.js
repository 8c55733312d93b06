/* Material's content fixes (partials/javascripts/content.html), loaded from the
   site so pages run under script-src 'self': restore linked content tabs (when
   the script element has data-tabs) and check the tab a URL hash points at.
   Material re-inserts this element on every instant navigation, so it re-runs. */
(()=>{if(document.currentScript.hasAttribute("data-tabs")){var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}}
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))})()
