#pragma once
#include <QObject>
#include <QTemporaryDir>

class TestDbModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void timestampsAndTags();
    void appointmentModelFromSnapshot();
    void appointmentIndexFoldsAndScales();
    void appointmentRangesAndZone();
    void unknownSchemaMapping();
    void missingColumnsAreNeverData();
    void quoteModelNewestFirstWithTags();
    void tableBrowserIsLazy();
    void tableBrowserHostileNames();
    void csvRoundTrip();
    void csvNeutralisesFormulas();
    void csvOfFilteredView();

private:
    QTemporaryDir m_dir;
};
