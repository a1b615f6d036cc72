// Small enhancements only; every page works without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy'));
      if (!target || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        var status = document.getElementById(button.getAttribute('data-copy') + '-copied');
        if (status) { status.textContent = '已复制到剪贴板'; }
      });
    });
  });
});
