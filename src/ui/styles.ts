/**
 * The UI's only stylesheet, adopted by the shadow root as a constructed sheet: the page's CSS cannot
 * reach in, ours cannot leak out, and no `<style>` tag is needed under a strict style-src.
 * Theming: override the --sg-* custom properties on `soglasie-consent` from the page.
 * The banner's buttons are a sticky row at the bottom of its scroller, and the row carries the scroller's
 * bottom padding, so that no text scrolls past below them.
 * Text follows the browser's font-size setting (em from the host, which `all:initial` gives the
 * browser's default), never below 15px whatever the page's CSS does to the host.
 * The host is fixed-positioned: out of the page's flow, it is never a flex or grid item that a `gap`
 * would make room for, and the page's layout does not move when it comes or goes.
 */
export const css = `
:host{all:initial;position:fixed;z-index:var(--sg-z);color-scheme:light;--sg-bg:#fff;--sg-fg:#1b1b1f;--sg-muted:#4a4a55;--sg-border:#c9c9d2;--sg-accent:#1a56db;--sg-accent-fg:#fff;--sg-focus:#b4235a;--sg-radius:10px;--sg-font:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;--sg-z:2147483000}
:host([data-theme=dark]){color-scheme:dark;--sg-bg:#1d1e22;--sg-fg:#f1f1f4;--sg-muted:#c3c3cc;--sg-border:#5a5b66;--sg-accent:#8ab4ff;--sg-accent-fg:#0b1a33;--sg-focus:#ffb1cc}
@media (prefers-color-scheme:dark){:host(:not([data-theme=light])){color-scheme:dark;--sg-bg:#1d1e22;--sg-fg:#f1f1f4;--sg-muted:#c3c3cc;--sg-border:#5a5b66;--sg-accent:#8ab4ff;--sg-accent-fg:#0b1a33;--sg-focus:#ffb1cc}}
*{box-sizing:border-box}
.sg{font:max(15px,.9375em)/1.45 var(--sg-font);color:var(--sg-fg);background:var(--sg-bg);border:1px solid var(--sg-border);border-radius:var(--sg-radius);box-shadow:0 6px 30px #0004;padding:16px 18px;text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none;overflow-wrap:anywhere;visibility:visible;opacity:1}
.bar{position:fixed;z-index:var(--sg-z);left:max(8px,env(safe-area-inset-left));right:max(8px,env(safe-area-inset-right));bottom:max(8px,env(safe-area-inset-bottom));max-height:80vh;max-height:80dvh;overflow:auto;overscroll-behavior:contain}
.box{position:fixed;z-index:var(--sg-z);right:max(12px,env(safe-area-inset-right));bottom:max(12px,env(safe-area-inset-bottom));width:min(420px,calc(100vw - 24px));max-height:80vh;max-height:80dvh;overflow:auto;overscroll-behavior:contain}
dialog.sg{max-width:min(760px,calc(100vw - 16px));max-height:calc(100vh - 32px);max-height:calc(100dvh - 32px);width:100%;margin:auto;padding:0;display:flex;flex-direction:column;overflow:hidden}
dialog.sg:not([open]){display:none}
dialog::backdrop{background:#0008}
.hd{display:flex;gap:12px;align-items:center;justify-content:space-between;padding:14px 18px;border-bottom:1px solid var(--sg-border)}
.bd{padding:14px 18px;overflow:auto;overscroll-behavior:contain}
.ft{padding:12px 18px;border-top:1px solid var(--sg-border)}
h2{font-size:1.2em;margin:0 0 6px;font-weight:700;color:inherit;overflow-wrap:break-word;hyphens:auto}
h3{font-size:1.0667em;margin:16px 0 6px;color:inherit}
p{margin:0 0 10px}
ul{margin:0 0 10px;padding-left:22px}
a{color:var(--sg-accent);text-decoration:underline}
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin-top:12px}
.row button{flex:1 1 140px}
.bar,.box{padding-bottom:0}
.bar>.row,.box>.row,.bd>.row{position:sticky;bottom:0;background:var(--sg-bg);padding:8px 0 16px;margin-top:4px}
.row .alert{flex-basis:100%;margin:0}
button{font:inherit;font-weight:600;min-height:44px;min-width:44px;padding:8px 16px;border-radius:calc(var(--sg-radius) - 4px);border:2px solid var(--sg-accent);background:var(--sg-accent);color:var(--sg-accent-fg);cursor:pointer;display:inline-block;visibility:visible;opacity:1}
button.alt{background:var(--sg-bg);color:var(--sg-fg);border-color:var(--sg-fg)}
button.link{min-height:24px;padding:2px 0;border:0;background:none;color:var(--sg-accent);text-decoration:underline;font-weight:400}
button.x{background:none;border:0;color:var(--sg-fg);font-size:1.6em;line-height:1;padding:6px 10px}
:focus-visible{outline:3px solid var(--sg-focus);outline-offset:2px}
label.cat{display:flex;gap:10px;align-items:flex-start;padding:10px 0;min-height:44px;cursor:pointer}
.docs{display:flex;flex-wrap:wrap;gap:0 16px}
.docs a{display:inline-flex;align-items:center;min-height:44px}
input[type=checkbox]{width:24px;height:24px;margin:0;flex:none;accent-color:var(--sg-accent)}
.muted{color:var(--sg-muted);font-size:.9333em}
.alert{color:var(--sg-focus);font-weight:600;margin:8px 0 0}
.doc p,.doc li{max-width:72ch}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.fab{position:fixed;z-index:var(--sg-z);left:max(12px,env(safe-area-inset-left));bottom:max(12px,env(safe-area-inset-bottom));border-radius:50%;width:48px;height:48px;padding:0;font-size:max(22px,1.375em)}
@media (prefers-reduced-motion:no-preference){.bar,.box{animation:sg-in .2s ease-out}@keyframes sg-in{from{transform:translateY(12px)}}}
@media (max-width:480px){.bar{left:0;right:0;bottom:0;border-radius:var(--sg-radius) var(--sg-radius) 0 0;padding:14px max(14px,env(safe-area-inset-right)) 0 max(14px,env(safe-area-inset-left))}.bar>.row{padding-bottom:max(14px,env(safe-area-inset-bottom))}.row button{flex-basis:100%}.hd{padding:10px 14px}.hd h2{font-size:1.0667em;margin:0}}
`;
