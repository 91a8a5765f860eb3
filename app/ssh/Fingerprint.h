#pragma once
// Host key fingerprints exactly as OpenSSH prints them.
#include <QByteArray>
#include <QString>

namespace vigia::ssh {

// "SHA256:" + base64 (no '=' padding) of SHA-256 over the key blob, as
// `ssh` and `ssh-keygen -lf` print it.
QString sha256Fingerprint(const QByteArray &keyBlob);

// The algorithm name stored at the start of an SSH key blob ("ssh-ed25519",
// "ecdsa-sha2-nistp256", ...); empty when the blob is malformed.
QString keyTypeFromBlob(const QByteArray &keyBlob);

} // namespace vigia::ssh
