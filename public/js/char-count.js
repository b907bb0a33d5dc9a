// The live character count of a text area (TextAreaField in src/web/components/form.tsx), a
// progressive enhancement: without it the server's count of the last submit stands. The visible
// count follows every keystroke; a screen reader hears it only once typing pauses, through the
// field's polite live region, not at every key. Wording as nl.form.count and nl.form.over.
const PAUSE_MS = 1000;
const format = new Intl.NumberFormat("nl-NL");

/** The count as submitted: a form sends each line break in a text area as two characters (CR LF). */
const submittedLength = (value) => value.replace(/\r?\n/g, "\r\n").length;

const countText = (used, max) =>
  `${format.format(used)} van ${format.format(max)} tekens gebruikt` +
  (used > max ? `: ${format.format(used - max)} te veel` : "");

for (const area of document.querySelectorAll("textarea[data-count]")) {
  const shown = document.getElementById(area.dataset.count);
  const live = document.getElementById(`${area.dataset.count}-live`);
  const max = Number(area.dataset.max);
  if (!shown || !live || !Number.isFinite(max)) continue;
  let timer;
  area.addEventListener("input", () => {
    const used = submittedLength(area.value);
    shown.textContent = countText(used, max);
    shown.classList.toggle("sk-char-count--over", used > max);
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = shown.textContent;
    }, PAUSE_MS);
  });
}
