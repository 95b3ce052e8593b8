import * as esbuild from 'esbuild';
const entry = process.argv[2];
const r = await esbuild.build({ entryPoints:[entry], bundle:true, minify:true, write:false, metafile:true, format:'iife', target:'es2020', define:{__SDK_VERSION__:'"soglasie@0.1.0"'}, jsxFactory:'h', jsxFragment:'Fragment', loader:{'.json':'json','.css':'text'}});
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).map(([k,v])=>[v.bytesInOutput,k]).sort((a,b)=>b[0]-a[0]);
let tot=0; for (const [b,k] of rows){tot+=b; console.log(String(b).padStart(6),k);} console.log('total',tot);
