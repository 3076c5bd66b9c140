const fs=require('fs');
process.on('exit',()=>{const by={};for(const f of Object.keys(require.cache)){const m=f.match(/node_modules\/((@[^/]+\/)?[^/]+)/);const k=m?m[1]:f.replace(/.*\.bench-out\/js\//,'').split('/').slice(0,2).join('/');const s=fs.statSync(f).size;by[k]=by[k]||[0,0];by[k][0]++;by[k][1]+=s;}
for(const [k,[n,s]] of Object.entries(by).sort((a,b)=>b[1][1]-a[1][1]).slice(0,25))console.error(k.padEnd(40),n,(s/1024).toFixed(0)+'KiB');});
