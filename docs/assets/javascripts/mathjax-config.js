// MathJax 3 (vendored, SVG output: no font files) for the \( \) and \[ \] that arithmatex emits.
// The context menu is off: its accessibility options would fetch the speech engine from a CDN.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
    enableMenu: false
  },
  svg: { fontCache: "global" }
};
