/* What runs in <head>, before the page is drawn. Material's storage helpers
   (partials/javascripts/base.html), loaded from the site so pages run under
   script-src 'self'. The scope comes from data-scope. Unlike the inline
   original, reads and writes never throw: a disabled or full store, or a
   corrupt value, reads as null and is not written. */
__md_scope=new URL(document.currentScript.dataset.scope,location);
__md_hash=e=>[...e].reduce((e,_)=>(e<<5)-e+_.charCodeAt(0),0);
__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem(t.pathname+"."+e))}catch(e){return null}}
__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage).setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
/* The course's own: <html> says that JavaScript runs, so that what course.js
   shows (buttons, progress lines) holds its place from the first paint instead
   of pushing the page down when it appears (course.css, "Layout"). */
document.documentElement.classList.add("course-js-on");
