#include "data/ColumnMappingDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigia::ui {

namespace {
struct Field {
    const char *key;
    const char *label;
    QString db::AppointmentMapping::*member;
};
const Field kFields[] = {
    {"start", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Start (required)"), &db::AppointmentMapping::start},
    {"end", QT_TRANSLATE_NOOP("ColumnMappingDialog", "End"), &db::AppointmentMapping::end},
    {"client", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Client (required)"),
     &db::AppointmentMapping::client},
    {"email", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Email"), &db::AppointmentMapping::email},
    {"service", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Service"), &db::AppointmentMapping::service},
    {"status", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Status"), &db::AppointmentMapping::status},
    {"notes", QT_TRANSLATE_NOOP("ColumnMappingDialog", "Notes"), &db::AppointmentMapping::notes},
};
} // namespace

QHash<QString, QList<db::ColumnInfo>> ColumnMappingDialog::tablesOf(const QString &dbPath)
{
    QHash<QString, QList<db::ColumnInfo>> out;
    if (const auto tables = db::SnapshotReader::tables(dbPath)) {
        for (const QString &t : tables.value()) {
            if (auto cols = db::SnapshotReader::columns(dbPath, t))
                out.insert(t, cols.value());
        }
    }
    return out;
}

ColumnMappingDialog::ColumnMappingDialog(const QHash<QString, QList<db::ColumnInfo>> &tables,
                                         const db::AppointmentMapping &current, QWidget *parent)
    : QDialog(parent), m_tables(tables)
{
    setWindowTitle(tr("Map appointment columns"));
    setMinimumWidth(460);
    auto *intro =
        new QLabel(tr("This table does not have the scheduler's known columns. Say which column holds "
                      "what; the agenda reads the table through this mapping."),
                   this);
    intro->setWordWrap(true);
    m_table = new QComboBox(this);
    QStringList names = tables.keys();
    names.sort();
    m_table->addItems(names);
    auto *form = new QFormLayout;
    form->addRow(tr("Table"), m_table);
    for (const Field &f : kFields) {
        auto *box = new QComboBox(this);
        m_fields.insert(QString::fromLatin1(f.key), box);
        form->addRow(tr(f.label), box);
        connect(box, &QComboBox::currentIndexChanged, this, &ColumnMappingDialog::updateOk);
    }
    m_hint = new QLabel(this);
    m_hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(intro);
    lay->addLayout(form);
    lay->addWidget(m_hint);
    lay->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QComboBox::currentTextChanged, this, [this](const QString &t) {
        QStringList cols;
        for (const db::ColumnInfo &c : m_tables.value(t))
            cols << c.name;
        fillColumns(db::AppointmentMapping::guess(t, cols));
    });
    const int ti = m_table->findText(current.table);
    m_table->setCurrentIndex(ti >= 0 ? ti : 0);
    if (ti >= 0)
        fillColumns(current); // the current mapping, not a fresh guess
    else if (m_table->count() > 0)
        emit m_table->currentTextChanged(m_table->currentText());
    updateOk();
}

void ColumnMappingDialog::fillColumns(const db::AppointmentMapping &preset)
{
    const QList<db::ColumnInfo> cols = m_tables.value(m_table->currentText());
    for (const Field &f : kFields) {
        QComboBox *box = m_fields.value(QString::fromLatin1(f.key));
        box->blockSignals(true);
        box->clear();
        box->addItem(tr("(none)"), QString());
        for (const db::ColumnInfo &c : cols)
            box->addItem(c.type.isEmpty() ? c.name : QStringLiteral("%1  (%2)").arg(c.name, c.type), c.name);
        box->setCurrentIndex(qMax(0, box->findData(preset.*(f.member))));
        box->blockSignals(false);
    }
    updateOk();
}

db::AppointmentMapping ColumnMappingDialog::mapping() const
{
    const QString table = m_table->currentText();
    QStringList cols;
    for (const db::ColumnInfo &c : m_tables.value(table))
        cols << c.name;
    // The guess fills what the dialog does not show (id, phone, organisation, tags).
    db::AppointmentMapping m = db::AppointmentMapping::guess(table, cols);
    for (const Field &f : kFields)
        m.*(f.member) = m_fields.value(QString::fromLatin1(f.key))->currentData().toString();
    return m;
}

bool ColumnMappingDialog::isAcceptable() const
{
    return mapping().isUsable();
}

void ColumnMappingDialog::updateOk()
{
    const bool ok = isAcceptable();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_hint->setText(ok ? QString() : tr("Choose at least the start and the client columns."));
}

} // namespace vigia::ui
