// Reads the chosen report file into the form's text box (the server takes no multipart bodies).
(() => {
  const input = document.getElementById("scan-file");
  const box = document.getElementById("scan-report");
  const name = document.getElementById("scan-name");
  if (!input || !box || !name) return;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    box.value = await file.text();
    name.value = file.name;
  });
})();
