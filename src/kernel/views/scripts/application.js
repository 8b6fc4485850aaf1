// Progressive enhancement only: every page works without this file.
import { initAll } from "/static/govuk-frontend.min.js";

// Every GOV.UK button ignores a second click within a second, so a double click sends a form once;
// the server guards the same forms with a one-time token (kernel/forms/once.ts) for when this is absent.
initAll({ button: { preventDoubleClick: true } });

// A running job's page (an import, or any work shown as a job): without scripts it offers "Refresh progress"; with them it asks
// the page's status address every second and shows the answer, and reloads once the job is over
// so the result (its banner or its problems) is shown as the page renders it.
const STAGE_TAG = { active: "govuk-tag--blue", stopped: "govuk-tag--red", waiting: "govuk-tag--grey" };
for (const panel of document.querySelectorAll("[data-job-panel]")) {
  if (panel.dataset.over === "true") continue;
  const url = panel.dataset.statusUrl;
  const announce = panel.querySelector("[data-job-announce]");
  let failures = 0;
  const show = (job) => {
    for (const field of panel.querySelectorAll("[data-job-field]"))
      field.textContent = String(job[field.dataset.jobField]);
    if (announce && announce.textContent !== job.announce) announce.textContent = job.announce;
    for (const stage of job.stages) {
      const status = panel.querySelector(`[data-job-stage="${stage.key}"] [data-job-stage-status]`);
      if (!status) continue;
      status.replaceChildren();
      if (stage.state === "done") status.textContent = stage.stateText;
      else {
        const tag = document.createElement("strong");
        tag.className = `govuk-tag ${STAGE_TAG[stage.state]}`;
        tag.textContent = stage.stateText;
        status.append(tag);
      }
    }
  };
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const job = await response.json();
      failures = 0;
      show(job);
      if (job.over) {
        window.location.reload();
        return;
      }
    } catch {
      // The "Refresh progress" button still works; give up quietly after a minute of failures.
      if (++failures > 60) return;
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
}
