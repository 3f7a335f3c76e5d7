import { differenceCiede2000, parse, formatHex, converter, clampChroma } from 'culori';
const de = differenceCiede2000();
const M = {
 normal: null,
 protan: [[0.152286,1.052583,-0.204868],[0.114503,0.786281,0.099216],[-0.003882,-0.048116,1.051998]],
 deutan: [[0.367322,0.860646,-0.227968],[0.280085,0.672501,0.047413],[-0.011820,0.042940,0.968881]],
 tritan: [[1.255528,-0.076749,-0.178779],[-0.078411,0.930809,0.147602],[0.004733,0.691367,0.303900]],
};
const toLin = c => c <= 0.04045 ? c/12.92 : ((c+0.055)/1.055)**2.4;
const toGam = c => c <= 0.0031308 ? 12.92*c : 1.055*c**(1/2.4)-0.055;
const clamp = x => Math.min(1, Math.max(0, x));
function sim(hex, m) {
  const c = parse(hex); let v = [c.r,c.g,c.b];
  if (!m) return c;
  v = v.map(toLin);
  let o = m.map(r => r[0]*v[0]+r[1]*v[1]+r[2]*v[2]).map(clamp).map(toGam);
  return { mode: 'rgb', r:o[0], g:o[1], b:o[2] };
}
const lum = hex => { const c = parse(hex); return 0.2126*toLin(c.r)+0.7152*toLin(c.g)+0.0722*toLin(c.b); };
const contrast = (a,b) => { const [x,y] = [lum(a),lum(b)].sort((p,q)=>q-p); return (x+0.05)/(y+0.05); };
const lab = converter('lab65');
function minDist(cols) {
  let min = Infinity, where = '';
  for (const [v,m] of Object.entries(M)) {
    const s = cols.map(c => sim(c,m));
    for (let i=0;i<s.length;i++) for (let j=i+1;j<s.length;j++) { const d = de(s[i],s[j]); if (d<min){min=d; where=`${v} ${i}-${j}`;} }
  }
  return [min, where];
}
const spec = JSON.parse(process.argv[2]);  // [{h:[lo,hi], l:[lo,hi], c:[lo,hi], fixed?}]
const lchToHex = (l,c,h) => formatHex(clampChroma({ mode:'lch', l, c, h }, 'lch'));
const rand = (a) => a[0] + Math.random()*(a[1]-a[0]);
let best = null, bestScore = -Infinity;
const orderL = process.argv[3] === 'ordered';
for (let it=0; it<40000; it++) {
  const cols = spec.map(s => s.fixed ?? lchToHex(rand(s.l), rand(s.c), rand(s.h)));
  if (orderL) { const L = cols.map(c=>lab(c).l); let ok = true; for (let i=1;i<(+process.argv[4]||L.length);i++) if (!(L[i] < L[i-1]-3)) ok=false; if(!ok) continue; }
  const [d] = minDist(cols);
  if (d > bestScore) { bestScore = d; best = cols; }
}
console.log(bestScore.toFixed(2), minDist(best)[1], JSON.stringify(best), best.map(c=>lab(c).l.toFixed(0)).join(','), 'land', best.map(c=>contrast(c,'#f4f1e8').toFixed(2)).join(','), 'sea', best.map(c=>contrast(c,'#b9d7ea').toFixed(2)).join(','));
