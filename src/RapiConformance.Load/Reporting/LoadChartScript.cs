namespace RapiConformance.Load.Reporting;

/// <summary>
/// The page's drawing script: reads the embedded time series and draws three line charts as SVG.
/// Each chart records how many lines it drew in data-drawn, which the browser test reads back.
/// </summary>
public static class LoadChartScript
{
    public const string Source = """
(function () {
  var NS = 'http://www.w3.org/2000/svg';
  var doc = JSON.parse(document.getElementById('load-data').textContent);
  var data = doc.timeline;
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) if (attrs[k] !== '') e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, s, anchor, color) {
    var t = el('text', { x: x, y: y, 'font-size': 11, fill: color || '#555', 'text-anchor': anchor || 'start' }, parent);
    t.textContent = s;
    return t;
  }
  function nice(max) {
    if (!(max > 0)) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(max))), m = max / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }
  function chart(id, yLabel, series) {
    var svg = document.getElementById(id);
    var W = 900, H = 300, L = 64, R = 150, T = 28, B = 36;
    var xs = data.map(function (p) { return p.seconds; });
    var xMax = xs.length ? Math.max.apply(null, xs) : 1;
    var yMax = 0;
    series.forEach(function (s) { data.forEach(function (p) { var v = s.value(p); if (v !== null && v > yMax) yMax = v; }); });
    yMax = nice(yMax * 1.05);
    function X(v) { return L + (W - L - R) * (xMax > 0 ? v / xMax : 0); }
    function Y(v) { return H - B - (H - T - B) * (v / yMax); }
    if (doc.warmupSeconds > 0) {
      el('rect', { x: L, y: T, width: Math.max(0, X(Math.min(doc.warmupSeconds, xMax)) - L), height: H - T - B, fill: '#eeeeee' }, svg);
      text(svg, L + 4, T + 12, 'warm-up');
    }
    for (var i = 0; i <= 4; i++) {
      var v = yMax * i / 4;
      el('line', { x1: L, x2: W - R, y1: Y(v), y2: Y(v), stroke: '#e5e5e5' }, svg);
      text(svg, L - 6, Y(v) + 4, +v.toPrecision(3) + '', 'end');
    }
    for (var j = 0; j <= 5; j++) {
      var t = xMax * j / 5;
      text(svg, X(t), H - B + 16, t.toFixed(t < 10 ? 1 : 0) + ' s', 'middle');
    }
    el('line', { x1: L, x2: L, y1: T, y2: H - B, stroke: '#999' }, svg);
    el('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: '#999' }, svg);
    text(svg, L, T - 10, yLabel, 'middle');
    var drawn = 0;
    series.forEach(function (s, k) {
      // An interval without a sample (nothing finished in it) is a gap in the line, not a zero.
      var segments = [[]];
      data.forEach(function (p) {
        var v = s.value(p);
        if (v === null) { if (segments[segments.length - 1].length) segments.push([]); return; }
        segments[segments.length - 1].push(X(p.seconds).toFixed(1) + ',' + Y(v).toFixed(1));
      });
      segments = segments.filter(function (g) { return g.length > 0; });
      if (segments.length === 0) return;
      segments.forEach(function (pts) {
        if (pts.length === 1) pts.push(pts[0]);
        el('polyline', { points: pts.join(' '), fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': s.dash || '', 'class': 'series' }, svg);
      });
      el('line', { x1: W - R + 12, x2: W - R + 34, y1: T + 10 + k * 18, y2: T + 10 + k * 18, stroke: s.color, 'stroke-width': 3 }, svg);
      text(svg, W - R + 40, T + 14 + k * 18, s.name);
      drawn++;
    });
    svg.setAttribute('data-drawn', drawn);
  }
  chart('chart-latency', 'ms', [
    { name: 'p50', color: '#2b8a3e', value: function (p) { return p.response.count ? p.response.p50 : null; } },
    { name: 'p90', color: '#1971c2', value: function (p) { return p.response.count ? p.response.p90 : null; } },
    { name: 'p99', color: '#e8590c', value: function (p) { return p.response.count ? p.response.p99 : null; } },
    { name: 'max', color: '#c92a2a', dash: '4 3', value: function (p) { return p.response.count ? p.response.max : null; } },
    { name: 'job p99', color: '#862e9c', value: function (p) { return p.jobCompletion.count ? p.jobCompletion.p99 : null; } }
  ]);
  chart('chart-throughput', 'per s', [
    { name: 'asked', color: '#868e96', dash: '6 4', value: function (p) { return p.askedPerSecond; } },
    { name: 'achieved', color: '#1971c2', value: function (p) { return p.achievedPerSecond; } },
    { name: 'jobs done', color: '#862e9c', value: function (p) { return p.jobsFinished / Math.max(1e-9, interval(p)); } },
    { name: 'errors', color: '#c92a2a', value: function (p) { return p.failed / Math.max(1e-9, interval(p)); } }
  ]);
  chart('chart-backlog', 'count', [
    { name: 'job backlog', color: '#862e9c', value: function (p) { return p.jobBacklog; } },
    { name: 'in flight', color: '#1971c2', value: function (p) { return p.inFlight; } }
  ]);
  function interval(p) {
    var i = data.indexOf(p);
    return i > 0 ? p.seconds - data[i - 1].seconds : p.seconds;
  }
})();
""";
}
