<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Durian Studio</source>
        <translation>Über Durian Studio</translation>
    </message>
    <message>
        <source>Durian Studio %1</source>
        <translation>Durian Studio %1</translation>
    </message>
    <message>
        <source>Portrait animation with attribute transfer, after the Durian method.</source>
        <translation>Porträtanimation mit Attributübertragung nach der Durian-Methode.</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
</context>
<context>
    <name>AttributeList</name>
    <message>
        <source>Strength %1%</source>
        <translation>Stärke %1 %</translation>
    </message>
    <message>
        <source>Remove this reference</source>
        <translation>Diese Referenz entfernen</translation>
    </message>
    <message>
        <source>No attribute references</source>
        <translation>Keine Attribut-Referenzen</translation>
    </message>
    <message>
        <source>Hair</source>
        <translation>Haare</translation>
    </message>
    <message>
        <source>Eyeglasses</source>
        <translation>Brille</translation>
    </message>
    <message>
        <source>Hat</source>
        <translation>Hut</translation>
    </message>
    <message>
        <source>Beard</source>
        <translation>Bart</translation>
    </message>
    <message>
        <source>Category of the next reference</source>
        <translation>Kategorie der nächsten Referenz</translation>
    </message>
    <message>
        <source>Add Reference…</source>
        <translation>Referenz hinzufügen…</translation>
    </message>
    <message>
        <source>Add a photo whose %1 is transferred to the portrait</source>
        <translation>Ein Foto hinzufügen, dessen Attribut (%1) auf das Porträt übertragen wird</translation>
    </message>
    <message>
        <source>What this reference contributes</source>
        <translation>Was diese Referenz beiträgt</translation>
    </message>
    <message>
        <source>Automatic mask, confidence %1%</source>
        <translation>Automatische Maske, Konfidenz %1 %</translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation>Maske: %1</translation>
    </message>
    <message>
        <source>Mask: automatic when rendering</source>
        <translation>Maske: automatisch beim Rendern</translation>
    </message>
    <message>
        <source>Switch this reference off</source>
        <translation>Diese Referenz ausschalten</translation>
    </message>
    <message>
        <source>Switch this reference on</source>
        <translation>Diese Referenz einschalten</translation>
    </message>
    <message>
        <source>Compute the mask automatically</source>
        <translation>Maske automatisch berechnen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Add %1 Reference</source>
        <translation>%1-Referenz hinzufügen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export Video…</source>
        <translation>Video &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Durian Studio</source>
        <translation>Ü&amp;ber Durian Studio</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Porträt</translation>
    </message>
    <message>
        <source>The portrait image could not be loaded</source>
        <translation>Das Porträtbild konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Open a project to begin</source>
        <translation>Öffnen Sie ein Projekt, um zu beginnen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>This project cannot be rendered yet:
%1</source>
        <translation>Dieses Projekt kann noch nicht berechnet werden:
%1</translation>
    </message>
    <message>
        <source>No preview rendered yet</source>
        <translation>Noch keine Vorschau berechnet</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Geöffnet: %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Durian projects (*.durian)</source>
        <translation>Durian-Projekte (*.durian)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Durian Studio</source>
        <translation>Durian Studio</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>This project has unsaved changes from a session that did not close properly.</source>
        <translation>Dieses Projekt hat ungespeicherte Änderungen aus einer Sitzung, die nicht ordnungsgemäß beendet wurde.</translation>
    </message>
    <message>
        <source>Restore Changes</source>
        <translation>Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Export Video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation>WebM-Video (*.webm)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation>GIF-Animation (*.gif)</translation>
    </message>
    <message>
        <source>Video Exported</source>
        <translation>Video exportiert</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>Vorschau wird gerendert…</translation>
    </message>
    <message>
        <source>Untrained model: trained weights are not installed yet, so the preview shows noise.</source>
        <translation>Untrainiertes Modell: Es sind noch keine trainierten Gewichte installiert, daher zeigt die Vorschau Rauschen.</translation>
    </message>
</context>
<context>
    <name>PreviewController</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Vorschau wird vorbereitet…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Preview step %1 of %2</source>
        <translation>Vorschau-Schritt %1 von %2</translation>
    </message>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation>Die Vorschau konnte nicht gerendert werden: %1</translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Rename Project</source>
        <translation>Projekt umbenennen</translation>
    </message>
    <message>
        <source>preset “%1”</source>
        <translation>Vorlage „%1“</translation>
    </message>
    <message>
        <source>video %1</source>
        <translation>Video %1</translation>
    </message>
    <message>
        <source>%1, %2 frames at %3 fps</source>
        <translation>%1, %2 Bilder mit %3 fps</translation>
    </message>
    <message>
        <source>Choose a local file to save the project to.</source>
        <translation>Wählen Sie eine lokale Datei, in der das Projekt gespeichert wird.</translation>
    </message>
    <message>
        <source>Remove %1 Reference</source>
        <translation>%1-Referenz entfernen</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered: %1</source>
        <translation>Die ungespeicherten Änderungen konnten nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Choose a local file to export the video to.</source>
        <translation>Wählen Sie eine lokale Datei, in die das Video exportiert wird.</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Exportiere %1</translation>
    </message>
    <message>
        <source>Finding the faces…</source>
        <translation>Gesichter werden gesucht…</translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2</source>
        <translation>Berechne Bild %1 von %2</translation>
    </message>
    <message>
        <source>Writing the video…</source>
        <translation>Video wird geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2, by %3</source>
        <translation>
            <numerusform>%n Bild, %1×%2, mit %3</numerusform>
            <numerusform>%n Bilder, %1×%2, mit %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The video could not be exported: %1</source>
        <translation>Das Video konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>Hair</source>
        <translation>Haare</translation>
    </message>
    <message>
        <source>Eyeglasses</source>
        <translation>Brille</translation>
    </message>
    <message>
        <source>Hat</source>
        <translation>Hut</translation>
    </message>
    <message>
        <source>Beard</source>
        <translation>Bart</translation>
    </message>
    <message>
        <source>Unknown attribute category “%1”.</source>
        <translation>Unbekannte Attributkategorie „%1“.</translation>
    </message>
    <message>
        <source>The reference image %1 is not a readable file.</source>
        <translation>Das Referenzbild %1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>The mask %1 is not a readable file.</source>
        <translation>Die Maske %1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>Add %1 Reference</source>
        <translation>%1-Referenz hinzufügen</translation>
    </message>
    <message>
        <source>Move %1 Reference</source>
        <translation>%1-Referenz verschieben</translation>
    </message>
    <message>
        <source>Switch On %1 Reference</source>
        <translation>%1-Referenz einschalten</translation>
    </message>
    <message>
        <source>Switch Off %1 Reference</source>
        <translation>%1-Referenz ausschalten</translation>
    </message>
    <message>
        <source>Change Reference to %1</source>
        <translation>Referenz zu %1 ändern</translation>
    </message>
    <message>
        <source>Change %1 Strength</source>
        <translation>%1-Stärke ändern</translation>
    </message>
    <message>
        <source>Automatic mask for %1</source>
        <translation>Automatische Maske für %1</translation>
    </message>
    <message>
        <source>Finding the face…</source>
        <translation>Gesicht wird gesucht…</translation>
    </message>
    <message>
        <source>Computing the mask…</source>
        <translation>Maske wird berechnet…</translation>
    </message>
    <message>
        <source>Automatic %1 Mask</source>
        <translation>Automatische %1-Maske</translation>
    </message>
    <message>
        <source>The automatic mask could not be computed: %1</source>
        <translation>Die automatische Maske konnte nicht berechnet werden: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sampling steps</source>
        <translation>Sampling-Schritte</translation>
    </message>
    <message>
        <source>More steps: a cleaner image, a slower preview</source>
        <translation>Mehr Schritte: sauberes Bild, langsamere Vorschau</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>How strongly the references steer the result (1 = no extra guidance)</source>
        <translation>Wie stark die Referenzen das Ergebnis lenken (1 = keine zusätzliche Guidance)</translation>
    </message>
    <message>
        <source>Preview resolution</source>
        <translation>Vorschauauflösung</translation>
    </message>
    <message>
        <source>Side of the preview image in pixels</source>
        <translation>Seitenlänge des Vorschaubilds in Pixeln</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Processor threads for generation (from the next start)</source>
        <translation>Prozessor-Threads für die Generierung (ab dem nächsten Start)</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
</TS>
