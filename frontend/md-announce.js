/* Material's dismissed-announcement check (partials/javascripts/announce.html),
   loaded from the site so pages run under script-src 'self'. */
(()=>{var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}})()
