#include "connect/passwordstore.h"

#ifdef DBTRIAGE_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace dbt::gui {

bool PasswordStore::available() {
#ifdef DBTRIAGE_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

void PasswordStore::read(const QString& key, std::function<void(QString, QString)> done) {
#ifdef DBTRIAGE_HAVE_QTKEYCHAIN
    auto* job = new QKeychain::ReadPasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job*) {
        if (job->error() == QKeychain::NoError)
            done(job->textData(), {});
        else
            done({}, tr("The desktop keyring could not be read (%1); trying ~/.pgpass, "
                        "PGPASSWORD and ~/.my.cnf instead.")
                         .arg(job->errorString()));
    });
    job->start();
#else
    Q_UNUSED(key)
    done({}, tr("This build has no keyring support; using ~/.pgpass, PGPASSWORD and "
                "~/.my.cnf."));
#endif
}

void PasswordStore::write(const QString& key, const QString& password,
                          std::function<void(QString)> done) {
#ifdef DBTRIAGE_HAVE_QTKEYCHAIN
    auto* job = new QKeychain::WritePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [job, done](QKeychain::Job*) {
        done(job->error() == QKeychain::NoError
                 ? QString()
                 : tr("The password could not be stored in the desktop keyring (%1); it is "
                      "used for this connection only.")
                       .arg(job->errorString()));
    });
    job->start();
#else
    Q_UNUSED(key)
    Q_UNUSED(password)
    done(tr("This build has no keyring support; the password is used for this connection "
            "only."));
#endif
}

void PasswordStore::remove(const QString& key) {
#ifdef DBTRIAGE_HAVE_QTKEYCHAIN
    auto* job = new QKeychain::DeletePasswordJob(service(), this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
#else
    Q_UNUSED(key)
#endif
}

} // namespace dbt::gui
