/* Copy buttons, the site's only script (the Content-Security-Policy allows no inline code).
 *
 * <button data-copy-from="element-id" hidden> copies that element's value or text; the buttons stay
 * hidden until this script shows them, so without JavaScript the text is simply there to select.
 * The nearest .copy-status element announces the result to screen readers.
 */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(area);
      if (copied) {
        resolve();
      } else {
        reject(new Error("The browser refused to copy."));
      }
    });
  }

  function select(element) {
    if (element.select) {
      element.select();
      return;
    }
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.querySelectorAll("button[data-copy-from]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-from"));
    var status = button.parentElement.querySelector(".copy-status");
    if (!source) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.value !== undefined ? source.value : source.textContent;
      copyText(text).then(
        function () {
          button.setAttribute("data-copied", text);
          if (status) {
            status.textContent = "Copied.";
          }
        },
        function () {
          select(source);
          if (status) {
            status.textContent = "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
          }
        }
      );
    });
  });
})();
