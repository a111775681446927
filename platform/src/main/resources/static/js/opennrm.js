// htmx requests carry the CSRF token like forms do (the token is in the page's meta tags).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Long lists of several choices (250 countries, 180 languages): a box to type a few letters in and a tick per
// choice, instead of a list that needs Ctrl or Cmd held down (impossible on a touch screen). The <select multiple>
// stays the form's field and the source of truth; without scripts it is shown as it is. Marked in the page with
// data-choices; its words come from the page (data-filter: the box's label, data-chosen: "Chosen:", data-none).
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    var box = document.createElement("div");
    box.className = "choices";
    var filter = document.createElement("input");
    filter.type = "search";
    filter.id = select.id + "-filter";
    filter.autocomplete = "off";
    filter.placeholder = select.dataset.filter || "";
    var chosen = document.createElement("p");
    chosen.className = "chosen hint";
    chosen.setAttribute("aria-live", "polite");
    var list = document.createElement("div");
    list.className = "choice-list";
    list.setAttribute("role", "group");
    var label = document.querySelector('label[for="' + select.id + '"]');
    if (label) {
      label.htmlFor = filter.id;
      list.setAttribute("aria-label", label.textContent.trim());
    }
    var items = [];
    function showChosen() {
      var names = Array.prototype.filter.call(select.options, function (o) { return o.selected; })
        .map(function (o) { return o.text; });
      chosen.textContent = (select.dataset.chosen || "") + " " + (names.length ? names.join(", ") : (select.dataset.none || "-"));
    }
    Array.prototype.forEach.call(select.options, function (option, index) {
      var item = document.createElement("label");
      var tick = document.createElement("input");
      tick.type = "checkbox";
      tick.id = select.id + "-choice-" + index;
      tick.value = option.value;
      tick.checked = option.selected;
      tick.addEventListener("change", function () {
        option.selected = tick.checked;
        showChosen();
      });
      item.appendChild(tick);
      item.appendChild(document.createTextNode(" " + option.text));
      item.dataset.folded = fold(option.text + " " + option.value);
      list.appendChild(item);
      items.push(item);
    });
    filter.addEventListener("input", function () {
      var wanted = fold(filter.value.trim());
      items.forEach(function (item) {
        item.hidden = wanted !== "" && item.dataset.folded.indexOf(wanted) < 0;
      });
    });
    box.appendChild(filter);
    box.appendChild(chosen);
    box.appendChild(list);
    select.hidden = true;
    select.parentNode.insertBefore(box, select.nextSibling);
    showChosen();
  }

  function enhanceAll() {
    document.querySelectorAll("select[multiple][data-choices]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
