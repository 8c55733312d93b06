(()=>{"use strict";const PRESSES_TO_LEAVE=3;const PRESS_WINDOW_MS=5000;const LEFT_KEY="mkdocs-course:left-to";const CONTROL="[data-course-leave]";const leaveSite={presses:0,shiftWasModifier:false,pressTimer:0,clearMessageTimer:0,};function control(){return document.querySelector(CONTROL);}
function webAddress(text){try{const url=new URL(text);return url.protocol==="https:"||url.protocol==="http:"?url.href:null;}catch{return null;}}
function blankPage(){const root=document.documentElement;root.style.setProperty("visibility","hidden","important");root.style.setProperty("background","#fff","important");document.title="";}
function showCover(words){if(!document.body)return;const cover=document.createElement("div");cover.setAttribute("role","alert");cover.style.cssText="visibility:visible;position:fixed;inset:0;z-index:2147483647;background:#fff;color:#000;padding:1rem";document.body.append(cover);cover.textContent=words;}
function leave(destination){blankPage();const element=control();showCover(element?element.dataset.loading:"");try{sessionStorage.setItem(LEFT_KEY,destination);}catch{}
replaceWith(destination);}
function replaceWith(destination){const referrer=document.createElement("meta");referrer.name="referrer";referrer.content="no-referrer";(document.head||document.documentElement).append(referrer);window.location.replace(destination);}
function leftTo(){try{return webAddress(sessionStorage.getItem(LEFT_KEY)||"");}catch{return null;}}
function forgetLeaving(){try{sessionStorage.removeItem(LEFT_KEY);}catch{}}
function leaveAgainIfBack(){const destination=leftTo();if(!destination)return;const[navigation]=performance.getEntriesByType("navigation");if(navigation&&navigation.type==="back_forward"){blankPage();replaceWith(destination);}else{forgetLeaving();}}
function onPageShow(event){const destination=leftTo();if(event.persisted&&destination){blankPage();replaceWith(destination);}}
function onClick(event){const link=event.target instanceof Element?event.target.closest(`${CONTROL} a[href]`):null;const destination=link&&webAddress(link.href);if(!destination)return;event.preventDefault();leave(destination);}
function announce(words){const status=control()?.querySelector("[role=status]");if(!status)return;window.clearTimeout(leaveSite.clearMessageTimer);status.textContent=words;leaveSite.clearMessageTimer=window.setTimeout(()=>{status.textContent="";},PRESS_WINDOW_MS);}
function showPresses(){const element=control();if(element)element.dataset.presses=String(leaveSite.presses);}
function resetPresses(){window.clearTimeout(leaveSite.pressTimer);leaveSite.pressTimer=0;if(leaveSite.presses>0){leaveSite.presses=0;announce(control()?.dataset.reset||"");}
showPresses();}
function countPress(){const element=control();const destination=element&&webAddress(element.querySelector("a[href]")?.href||"");if(!destination)return;leaveSite.presses+=1;showPresses();if(leaveSite.presses>=PRESSES_TO_LEAVE){window.clearTimeout(leaveSite.pressTimer);leaveSite.presses=0;leave(destination);return;}
announce((element.dataset.pressed||"").replace("{count}",String(leaveSite.presses)));window.clearTimeout(leaveSite.pressTimer);leaveSite.pressTimer=window.setTimeout(resetPresses,PRESS_WINDOW_MS);}
function onKeyUp(event){if(event.key==="Shift"&&!leaveSite.shiftWasModifier){countPress();}else if(leaveSite.presses>0){resetPresses();}
leaveSite.shiftWasModifier=event.shiftKey;}
leaveAgainIfBack();window.addEventListener("pageshow",onPageShow);document.addEventListener("click",onClick,true);document.addEventListener("keyup",onKeyUp,true);})();