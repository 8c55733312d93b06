(()=>{var e=document.querySelector("[data-md-component=announce]");if(e){var n=e.querySelector(".md-typeset");__md_hash(n.innerHTML)===__md_get("__announce")&&(e.hidden=!0)}})();
