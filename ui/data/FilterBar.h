#pragma once
// The bar over the appointments and quotes lists: a search field, a status
// filter, "N of M" and Export CSV, with room for view-specific controls
// (the agenda's range and day chip) before and after the search.
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigia::ui {

class FilterBar : public QWidget {
    Q_OBJECT
public:
    explicit FilterBar(const QString &searchPlaceholder, QWidget *parent = nullptr);
    void addLeading(QWidget *w);    // before the search field
    void addTrailing(QWidget *w);   // after the status filter
    void addAfterCount(QWidget *w); // between "N of M" and Export
    // Replaces the status choices, keeping the current one when it is still there.
    void setStatuses(const QStringList &statuses);
    QString status() const;
    void setCount(qint64 shown, qint64 total);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusBox() const { return m_status; }
    QLabel *countLabel() const { return m_count; }
    QPushButton *exportButton() const { return m_export; }

signals:
    void searchChanged(const QString &text);
    void statusChanged(const QString &status);
    void exportRequested();

private:
    QHBoxLayout *m_lay;
    QLineEdit *m_search;
    QComboBox *m_status;
    QLabel *m_count;
    QPushButton *m_export;
    int m_leading = 0;
    int m_trailing = 0;
};

} // namespace vigia::ui
