#include "core/PrivateFiles.h"

#include <QDir>
#include <QFile>

namespace vigia::privatefs {

bool ensureDir(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return false;
    return QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool restrict(const QString &path)
{
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

bool ensureFile(const QString &path)
{
    if (!QFile::exists(path)) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner) &&
            !QFile::exists(path))
            return false;
    }
    return restrict(path);
}

} // namespace vigia::privatefs
