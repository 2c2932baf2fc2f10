// WebAuthn ceremonies for the admin's second-factor pages: fetch the options, ask the
// browser's authenticator, post its answer in the form's hidden "credential" field.
(function () {
  "use strict";
  function fromB64url(text) {
    const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0)).buffer;
  }
  function toB64url(buffer) {
    const bytes = new Uint8Array(buffer);
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function credentials(list) {
    return (list || []).map((c) => ({ ...c, id: fromB64url(c.id) }));
  }
  async function run(form) {
    const kind = form.dataset.webauthn;
    const response = await fetch(form.dataset.options, { credentials: "same-origin" });
    const options = await response.json();
    options.challenge = fromB64url(options.challenge);
    let credential;
    if (kind === "create") {
      options.user.id = fromB64url(options.user.id);
      options.excludeCredentials = credentials(options.excludeCredentials);
      credential = await navigator.credentials.create({ publicKey: options });
    } else {
      options.allowCredentials = credentials(options.allowCredentials);
      credential = await navigator.credentials.get({ publicKey: options });
    }
    const r = credential.response;
    const answer = {
      id: credential.id,
      rawId: toB64url(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: { clientDataJSON: toB64url(r.clientDataJSON) },
    };
    if (kind === "create") {
      answer.response.attestationObject = toB64url(r.attestationObject);
      answer.response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      answer.response.authenticatorData = toB64url(r.authenticatorData);
      answer.response.signature = toB64url(r.signature);
      answer.response.userHandle = r.userHandle ? toB64url(r.userHandle) : null;
    }
    form.querySelector("[name=credential]").value = JSON.stringify(answer);
    form.submit();
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-webauthn-start]");
    if (!button) return;
    const form = button.closest("form");
    run(form).catch(() => {
      const error = form.querySelector("[data-webauthn-error]");
      if (error) error.hidden = false;
    });
  });
})();
