#include "PassphraseKeychain.h"

#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "vigia.ui.keychain", QtInfoMsg)

namespace vigia {

PassphraseKeychain::PassphraseKeychain(QObject *parent) : QObject(parent) {}

void PassphraseKeychain::read(const QString &keyFile)
{
    if (!m_enabled) {
        // Queued, so callers see the same ordering as with a real keychain.
        QTimer::singleShot(0, this, [this, keyFile] { emit readFinished(keyFile, false, {}, {}); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFile);
    connect(job, &QKeychain::Job::finished, this, [this, keyFile](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (rj->error() == QKeychain::NoError) {
            emit readFinished(keyFile, true, rj->textData(), {});
        } else if (rj->error() == QKeychain::EntryNotFound) {
            emit readFinished(keyFile, false, {}, {});
        } else {
            // Only the error text, never the key's secret.
            qCInfo(lcKeychain) << "keychain read failed:" << rj->errorString();
            emit readFinished(keyFile, false, {}, rj->errorString());
        }
    });
    job->start();
}

void PassphraseKeychain::write(const QString &keyFile, const QString &passphrase)
{
    if (!m_enabled) {
        QTimer::singleShot(0, this, [this, keyFile] {
            emit writeFinished(keyFile, false, tr("The system keychain is disabled."));
        });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFile);
    job->setTextData(passphrase);
    connect(job, &QKeychain::Job::finished, this, [this, keyFile](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            qCInfo(lcKeychain) << "keychain write failed:" << j->errorString();
        emit writeFinished(keyFile, ok, ok ? QString() : j->errorString());
    });
    job->start();
}

void PassphraseKeychain::remove(const QString &keyFile)
{
    if (!m_enabled)
        return;
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFile);
    job->start();
}

} // namespace vigia
