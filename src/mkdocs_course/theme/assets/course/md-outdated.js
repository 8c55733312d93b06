(()=>{var e=document.querySelector("[data-md-component=outdated]"),t=new URL(document.currentScript.dataset.base),d=__md_get("__outdated",sessionStorage,t);d===!0&&e&&(e.hidden=!1)})();
