#pragma once
// The capacity table: requests, limits, observed p95 and peak per namespace
// (expandable to pods), the totals against the budget and node allocatable,
// the one-line answer, and the warnings.
#include "metrics/Capacity.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QListWidget;

namespace vigia::ui {

class CapacityPanel : public QWidget {
    Q_OBJECT
public:
    explicit CapacityPanel(QWidget *parent = nullptr);
    void setReport(const metrics::CapacityReport &report);
    QString sentence() const;
    QString totalsText() const;
    QStringList warningTexts() const;
    QTreeWidget *table() const { return m_table; }

signals:
    void podActivated(const QString &ns, const QString &pod);

private:
    QLabel *m_sentence;
    QLabel *m_totals;
    QTreeWidget *m_table;
    QListWidget *m_warnings;
};

} // namespace vigia::ui
