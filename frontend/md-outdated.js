/* Material's outdated-version banner (partials/javascripts/outdated.html),
   loaded from the site so pages run under script-src 'self'. The base URL
   comes from data-base. */
(()=>{var el=document.querySelector("[data-md-component=outdated]"),base=new URL(document.currentScript.dataset.base),outdated=__md_get("__outdated",sessionStorage,base);!0===outdated&&el&&(el.hidden=!1)})()
