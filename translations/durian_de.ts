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
    <name>AnimationPlayer</name>
    <message>
        <source>No animation rendered yet: Render Animation (Ctrl+R)</source>
        <translation>Noch keine Animation berechnet: Animation berechnen (Strg+R)</translation>
    </message>
    <message>
        <source>Frame %1 of %2, %3 s left</source>
        <translation type="vanished">Bild %1 von %2, noch %3 s</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation type="vanished">Bild %1 von %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop rendering; the previous clip stays</source>
        <translation>Berechnung abbrechen; der vorige Clip bleibt</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play or pause the animation (Ctrl+Space)</source>
        <translation>Animation abspielen oder anhalten (Strg+Leertaste)</translation>
    </message>
    <message>
        <source>Drag to scrub through the animation</source>
        <translation>Ziehen, um durch die Animation zu spulen</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <source>Play the animation in a loop</source>
        <translation>Animation in einer Schleife abspielen</translation>
    </message>
    <message>
        <source>Still Preview</source>
        <translation>Standbild-Vorschau</translation>
    </message>
    <message>
        <source>Back to the still preview</source>
        <translation>Zurück zur Standbild-Vorschau</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>The model file %1 does not exist.</source>
        <translation>Die Modelldatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The model file %1 holds no tensors.</source>
        <translation>Die Modelldatei %1 enthält keine Tensoren.</translation>
    </message>
    <message>
        <source>The model file %1 cannot be read: %2</source>
        <translation>Die Modelldatei %1 kann nicht gelesen werden: %2</translation>
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
        <translation type="vanished">Haare</translation>
    </message>
    <message>
        <source>Eyeglasses</source>
        <translation type="vanished">Brille</translation>
    </message>
    <message>
        <source>Hat</source>
        <translation type="vanished">Hut</translation>
    </message>
    <message>
        <source>Beard</source>
        <translation type="vanished">Bart</translation>
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
    <message>
        <source>Interpolated: this is reference %1 of the pair</source>
        <translation>Interpoliert: dies ist Referenz %1 des Paars</translation>
    </message>
</context>
<context>
    <name>AttributeListModel</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>AutoMaskController</name>
    <message>
        <source>Automatic mask for %1</source>
        <translation>Automatische Maske für %1</translation>
    </message>
    <message>
        <source>Finding the face…</source>
        <translation type="vanished">Gesicht wird gesucht…</translation>
    </message>
    <message>
        <source>Computing the mask…</source>
        <translation>Maske wird berechnet…</translation>
    </message>
    <message>
        <source>The automatic mask could not be computed: %1</source>
        <translation>Die automatische Maske konnte nicht berechnet werden: %1</translation>
    </message>
</context>
<context>
    <name>EditorToolBar</name>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Render</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Render the whole animation and play it (Ctrl+R)</source>
        <translation>Die ganze Animation berechnen und abspielen (Strg+R)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the animation as MP4, WebM, GIF or PNG frames (Ctrl+E)</source>
        <translation>Die Animation als MP4, WebM, GIF oder PNG-Bilder exportieren (Strg+E)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <source>MP4 video (H.264)</source>
        <translation>MP4-Video (H.264)</translation>
    </message>
    <message>
        <source>WebM video (VP9)</source>
        <translation>WebM-Video (VP9)</translation>
    </message>
    <message>
        <source>GIF animation</source>
        <translation>GIF-Animation</translation>
    </message>
    <message>
        <source>PNG sequence (a folder of frames)</source>
        <translation>PNG-Folge (ein Ordner mit Bildern)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>MP4 and WebM play everywhere and carry sound; GIF loops in web pages; PNG frames are lossless</source>
        <translation>MP4 und WebM laufen überall und enthalten Ton; GIF läuft in Webseiten in Schleife; PNG-Bilder sind verlustfrei</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose where the export is written</source>
        <translation>Wählen, wohin exportiert wird</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>Bildrate</translation>
    </message>
    <message>
        <source>Frames per second of the file; the clip keeps its duration</source>
        <translation>Bilder pro Sekunde der Datei; der Clip behält seine Dauer</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low (smaller file)</source>
        <translation>Niedrig (kleinere Datei)</translation>
    </message>
    <message>
        <source>Compression of MP4 and WebM; GIF and PNG are not affected</source>
        <translation>Kompression von MP4 und WebM; GIF und PNG sind nicht betroffen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>As rendered</source>
        <translation>Wie berechnet</translation>
    </message>
    <message>
        <source>Width and height of the exported frames</source>
        <translation>Breite und Höhe der exportierten Bilder</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Sound from the driving video</source>
        <translation>Ton aus dem Steuervideo</translation>
    </message>
    <message>
        <source>The driving video has no sound</source>
        <translation>Das Steuervideo hat keinen Ton</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ExportedDialog</name>
    <message>
        <source>Video Exported</source>
        <translation>Video exportiert</translation>
    </message>
    <message>
        <source>%1 (the frames of the last render, not rendered again)</source>
        <translation>%1 (die Bilder der letzten Berechnung, nicht neu berechnet)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>FaceChoiceDialog</name>
    <message>
        <source>Choose a Face</source>
        <translation>Gesicht wählen</translation>
    </message>
    <message numerus="yes">
        <source>This photo shows %n face(s). Click the one to animate.</source>
        <translation>
            <numerusform>Dieses Foto zeigt %n Gesicht. Klicken Sie auf das, das animiert werden soll.</numerusform>
            <numerusform>Dieses Foto zeigt %n Gesichter. Klicken Sie auf das, das animiert werden soll.</numerusform>
        </translation>
    </message>
    <message>
        <source>Animate face %1</source>
        <translation>Gesicht %1 animieren</translation>
    </message>
</context>
<context>
    <name>InterpolationPanel</name>
    <message>
        <source>Hair</source>
        <translation type="vanished">Haare</translation>
    </message>
    <message>
        <source>Eyeglasses</source>
        <translation type="vanished">Brille</translation>
    </message>
    <message>
        <source>Hat</source>
        <translation type="vanished">Hut</translation>
    </message>
    <message>
        <source>Beard</source>
        <translation type="vanished">Bart</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="vanished">%1 %2</translation>
    </message>
    <message>
        <source>Reference A (alpha 0)</source>
        <translation>Referenz A (Alpha 0)</translation>
    </message>
    <message>
        <source>Reference B (alpha 1), of the same category</source>
        <translation>Referenz B (Alpha 1), derselben Kategorie</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <source>Blend these two references with a slider</source>
        <translation>Diese beiden Referenzen mit einem Schieberegler mischen</translation>
    </message>
    <message>
        <source>Add two references of one category to interpolate between them.</source>
        <translation>Fügen Sie zwei Referenzen einer Kategorie hinzu, um zwischen ihnen zu interpolieren.</translation>
    </message>
    <message>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
    <message>
        <source>Alpha %1: 0 is all A, 1 is all B</source>
        <translation>Alpha %1: 0 ist ganz A, 1 ist ganz B</translation>
    </message>
    <message>
        <source>Stop interpolating</source>
        <translation>Interpolation beenden</translation>
    </message>
    <message>
        <source>Use alpha %1</source>
        <translation type="vanished">Alpha %1 verwenden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Render Strip</source>
        <translation>Streifen berechnen</translation>
    </message>
    <message numerus="yes">
        <source>Preview %n step(s) across alpha (Ctrl+I)</source>
        <translation>
            <numerusform>Vorschau in %n Stufe über Alpha (Strg+I)</numerusform>
            <numerusform>Vorschau in %n Stufen über Alpha (Strg+I)</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Render the strip again after every change</source>
        <translation>Streifen nach jeder Änderung neu berechnen</translation>
    </message>
    <message>
        <source>%1 of %2 rendered</source>
        <translation>%1 von %2 berechnet</translation>
    </message>
    <message>
        <source>Use alpha %1 (double-click: view it large)</source>
        <translation>Alpha %1 verwenden (Doppelklick: groß ansehen)</translation>
    </message>
    <message>
        <source>Alpha %1</source>
        <translation>Alpha %1</translation>
    </message>
</context>
<context>
    <name>InterpolationStrip</name>
    <message>
        <source>Pair two references of one category to see the interpolation.</source>
        <translation>Koppeln Sie zwei Referenzen einer Kategorie, um die Interpolation zu sehen.</translation>
    </message>
    <message>
        <source>Interpolation strip</source>
        <translation>Interpolationsstreifen</translation>
    </message>
    <message>
        <source>Interpolation %1 of %2</source>
        <translation>Interpolation %1 von %2</translation>
    </message>
    <message>
        <source>The interpolation strip could not be rendered: %1</source>
        <translation>Der Interpolationsstreifen konnte nicht berechnet werden: %1</translation>
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
        <translation type="vanished">&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="vanished">Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="vanished">&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="vanished">Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export Video…</source>
        <translation type="vanished">Video &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="vanished">&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="vanished">&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="vanished">&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="vanished">&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="vanished">&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="vanished">&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="vanished">&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Durian Studio</source>
        <translation type="vanished">Ü&amp;ber Durian Studio</translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="vanished">Projekt</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Porträt</translation>
    </message>
    <message>
        <source>The portrait image could not be loaded</source>
        <translation type="vanished">Das Porträtbild konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Open a project to begin</source>
        <translation type="vanished">Öffnen Sie ein Projekt, um zu beginnen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>This project cannot be rendered yet:
%1</source>
        <translation type="vanished">Dieses Projekt kann noch nicht berechnet werden:
%1</translation>
    </message>
    <message>
        <source>No preview rendered yet</source>
        <translation type="vanished">Noch keine Vorschau berechnet</translation>
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
        <translation type="vanished">Geöffnet: %1</translation>
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
        <translation type="vanished">Durian Studio</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="vanished">Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation type="vanished">Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>This project has unsaved changes from a session that did not close properly.</source>
        <translation type="vanished">Dieses Projekt hat ungespeicherte Änderungen aus einer Sitzung, die nicht ordnungsgemäß beendet wurde.</translation>
    </message>
    <message>
        <source>Restore Changes</source>
        <translation type="vanished">Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="vanished">Verwerfen</translation>
    </message>
    <message>
        <source>Export Video</source>
        <translation type="vanished">Video exportieren</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation type="vanished">MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation type="vanished">WebM-Video (*.webm)</translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation type="vanished">GIF-Animation (*.gif)</translation>
    </message>
    <message>
        <source>Video Exported</source>
        <translation type="vanished">Video exportiert</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="vanished">Ordner öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="vanished">Schließen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="vanished">&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="vanished">Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation type="vanished">Vorschau wird gerendert…</translation>
    </message>
    <message>
        <source>Untrained model: trained weights are not installed yet, so the preview shows noise.</source>
        <translation type="vanished">Untrainiertes Modell: Es sind noch keine trainierten Gewichte installiert, daher zeigt die Vorschau Rauschen.</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent projects.</source>
        <translation>%1 existiert nicht mehr; es wurde aus den zuletzt geöffneten Projekten entfernt.</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="vanished">&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>These recent projects no longer exist and were removed from the list:
%1</source>
        <translation type="vanished">Diese zuletzt geöffneten Projekte existieren nicht mehr und wurden aus der Liste entfernt:
%1</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Projects</source>
        <translation type="vanished">Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Open &amp;Portrait…</source>
        <translation type="vanished">&amp;Porträt öffnen…</translation>
    </message>
    <message>
        <source>&amp;Render Animation</source>
        <translation type="vanished">Animation &amp;berechnen</translation>
    </message>
    <message>
        <source>&amp;Play / Pause Animation</source>
        <translation type="vanished">Animation &amp;abspielen / anhalten</translation>
    </message>
    <message>
        <source>Choose &amp;Driving Video…</source>
        <translation type="vanished">&amp;Steuervideo auswählen…</translation>
    </message>
    <message>
        <source>&amp;Paste Portrait</source>
        <translation type="vanished">Porträt &amp;einfügen</translation>
    </message>
    <message>
        <source>Render the whole animation and play it (Ctrl+R)</source>
        <translation type="vanished">Die ganze Animation berechnen und abspielen (Strg+R)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="vanished">Exportieren…</translation>
    </message>
    <message>
        <source>Export the animation as MP4, WebM, GIF or PNG frames (Ctrl+E)</source>
        <translation type="vanished">Die Animation als MP4, WebM, GIF oder PNG-Bilder exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation>Interpolation</translation>
    </message>
    <message>
        <source>Save the changes to “%1” first?</source>
        <translation type="vanished">Änderungen an „%1“ zuerst speichern?</translation>
    </message>
    <message>
        <source>No trained model is installed: the preview and the export use the classical method (warp and composite). Choose trained weights in Settings.</source>
        <translation type="vanished">Kein trainiertes Modell installiert: Vorschau und Export verwenden das klassische Verfahren (Verzerren und Überlagern). Trainierte Gewichte lassen sich in den Einstellungen wählen.</translation>
    </message>
    <message>
        <source>Render</source>
        <translation type="vanished">Berechnen</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>&amp;Neues Projekt</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>These recent projects no longer exist and were removed from the list:
%1</source>
        <translation>Diese zuletzt geöffneten Projekte existieren nicht mehr und wurden aus der Liste entfernt:
%1</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Projects</source>
        <translation>Liste &amp;leeren</translation>
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
        <source>Open &amp;Portrait…</source>
        <translation>&amp;Porträt öffnen…</translation>
    </message>
    <message>
        <source>&amp;Export Video…</source>
        <translation>Video &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Render Animation</source>
        <translation>Animation &amp;berechnen</translation>
    </message>
    <message>
        <source>&amp;Play / Pause Animation</source>
        <translation>Animation &amp;abspielen / anhalten</translation>
    </message>
    <message>
        <source>Choose &amp;Driving Video…</source>
        <translation>&amp;Steuervideo auswählen…</translation>
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
        <source>&amp;Paste Portrait</source>
        <translation>Porträt &amp;einfügen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Durian Studio</source>
        <translation>Ü&amp;ber Durian Studio</translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <source>The mask %1 cannot be read.</source>
        <translation>Die Maske %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The mask could not be saved: %1</source>
        <translation>Die Maske konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Erase Mask</source>
        <translation>Maske radieren</translation>
    </message>
    <message>
        <source>Paint Mask</source>
        <translation>Maske malen</translation>
    </message>
    <message>
        <source>Clear Mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <source>Grow Mask</source>
        <translation>Maske erweitern</translation>
    </message>
    <message>
        <source>Shrink Mask</source>
        <translation>Maske verkleinern</translation>
    </message>
    <message>
        <source>Automatic mask</source>
        <translation>Automatische Maske</translation>
    </message>
    <message>
        <source>Finding the face…</source>
        <translation type="vanished">Gesicht wird gesucht…</translation>
    </message>
    <message>
        <source>Computing the mask…</source>
        <translation>Maske wird berechnet…</translation>
    </message>
    <message>
        <source>Automatic Mask (%1)</source>
        <translation>Automatische Maske (%1)</translation>
    </message>
    <message>
        <source>The automatic mask could not be computed: %1</source>
        <translation>Die automatische Maske konnte nicht berechnet werden: %1</translation>
    </message>
</context>
<context>
    <name>MaskEditorPanel</name>
    <message>
        <source>Hair</source>
        <translation type="vanished">Haare</translation>
    </message>
    <message>
        <source>Eyeglasses</source>
        <translation type="vanished">Brille</translation>
    </message>
    <message>
        <source>Hat</source>
        <translation type="vanished">Hut</translation>
    </message>
    <message>
        <source>Beard</source>
        <translation type="vanished">Bart</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Porträt</translation>
    </message>
    <message>
        <source>Reference %1: %2</source>
        <translation type="vanished">Referenz %1: %2</translation>
    </message>
    <message>
        <source>Whose mask to edit</source>
        <translation>Wessen Maske bearbeitet wird</translation>
    </message>
    <message>
        <source>Category of the automatic mask</source>
        <translation>Kategorie der automatischen Maske</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Compute the mask of this category automatically (replaces the mask)</source>
        <translation>Maske dieser Kategorie automatisch berechnen (ersetzt die Maske)</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint the mask (B)</source>
        <translation>Maske malen (B)</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Erase from the mask (E)</source>
        <translation>Aus der Maske radieren (E)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Brush diameter %1 px ([ and ])</source>
        <translation>Pinseldurchmesser %1 px ([ und ])</translation>
    </message>
    <message>
        <source>Hardness</source>
        <translation>Härte</translation>
    </message>
    <message>
        <source>Edge hardness %1%</source>
        <translation>Kantenhärte %1%</translation>
    </message>
    <message>
        <source>Grow</source>
        <translation>Erweitern</translation>
    </message>
    <message>
        <source>Drag right to grow the mask, left to shrink it</source>
        <translation>Nach rechts ziehen erweitert die Maske, nach links verkleinert sie</translation>
    </message>
    <message>
        <source>Grow by %1 px</source>
        <translation>Um %1 px erweitern</translation>
    </message>
    <message>
        <source>Shrink by %1 px</source>
        <translation>Um %1 px verkleinern</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <source>Mask overlay opacity %1%</source>
        <translation>Deckkraft der Maskenüberlagerung %1%</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the photo to the view (Ctrl+0); wheel zooms, right-drag pans</source>
        <translation>Foto in die Ansicht einpassen (Strg+0); Mausrad zoomt, Ziehen mit rechts verschiebt</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the mask</source>
        <translation>Maske leeren</translation>
    </message>
    <message>
        <source>No photo to mask</source>
        <translation>Kein Foto zum Maskieren</translation>
    </message>
    <message>
        <source>Covers %1%</source>
        <translation>Deckt %1% ab</translation>
    </message>
    <message>
        <source>automatic mask confidence %1%</source>
        <translation>Konfidenz der automatischen Maske %1%</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Durian Studio</source>
        <translation>Durian Studio</translation>
    </message>
</context>
<context>
    <name>MotionController</name>
    <message>
        <source>The driving video %1 is not a readable file.</source>
        <translation>Das Steuervideo %1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>Motion preview</source>
        <translation>Bewegungsvorschau</translation>
    </message>
    <message>
        <source>Tracking %1</source>
        <translation>%1 wird verfolgt</translation>
    </message>
    <message>
        <source>Finding the portrait&apos;s face…</source>
        <translation>Gesicht im Porträt wird gesucht…</translation>
    </message>
    <message>
        <source>Finding the face in every frame…</source>
        <translation>Gesicht wird in jedem Bild gesucht…</translation>
    </message>
    <message>
        <source>Drawing the keypoints…</source>
        <translation>Schlüsselpunkte werden gezeichnet…</translation>
    </message>
    <message>
        <source>Tracking the driving video was cancelled; the motion is unchanged.</source>
        <translation>Die Verfolgung des Steuervideos wurde abgebrochen; die Bewegung ist unverändert.</translation>
    </message>
    <message>
        <source>The video %1 cannot drive the animation (%2). The motion is unchanged.</source>
        <translation>Das Video %1 kann die Animation nicht steuern (%2). Die Bewegung ist unverändert.</translation>
    </message>
</context>
<context>
    <name>MotionPanel</name>
    <message>
        <source>Preset</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>(driving video)</source>
        <translation>(Steuervideo)</translation>
    </message>
    <message>
        <source>A built-in head motion (replaces the driving video)</source>
        <translation>Eine eingebaute Kopfbewegung (ersetzt das Steuervideo)</translation>
    </message>
    <message>
        <source>Driving Video…</source>
        <translation>Steuervideo…</translation>
    </message>
    <message>
        <source>Take the motion from the face in a video (Ctrl+Shift+M)</source>
        <translation>Die Bewegung vom Gesicht in einem Video übernehmen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Use the preset instead of the driving video</source>
        <translation>Die Vorlage statt des Steuervideos verwenden</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Length of the clip in frames</source>
        <translation>Länge des Clips in Bildern</translation>
    </message>
    <message>
        <source>fps</source>
        <translation>fps</translation>
    </message>
    <message>
        <source>Frames per second of the clip</source>
        <translation>Bilder pro Sekunde des Clips</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Tracking the motion…</source>
        <translation>Bewegung wird verfolgt…</translation>
    </message>
    <message>
        <source>Choose a Driving Video</source>
        <translation>Steuervideo auswählen</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.gif)</source>
        <translation>Videos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.gif)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>PortraitController</name>
    <message>
        <source>%1 is not a readable image file. The portrait is unchanged.</source>
        <translation>%1 ist keine lesbare Bilddatei. Das Porträt bleibt unverändert.</translation>
    </message>
    <message>
        <source>Finding the face in %1</source>
        <translation>Gesicht in %1 wird gesucht</translation>
    </message>
    <message>
        <source>No face was found in %1. Choose a photo in which one face is frontal and clearly visible. The portrait is unchanged.</source>
        <translation>In %1 wurde kein Gesicht gefunden. Wählen Sie ein Foto, auf dem ein Gesicht frontal und deutlich zu sehen ist. Das Porträt bleibt unverändert.</translation>
    </message>
    <message>
        <source>The portrait %1 could not be opened: %2</source>
        <translation>Das Porträt %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The pasted image could not be saved: %1</source>
        <translation>Das eingefügte Bild konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The clipboard holds no image or image file.</source>
        <translation>Die Zwischenablage enthält kein Bild und keine Bilddatei.</translation>
    </message>
    <message>
        <source>Finding the face landmarks</source>
        <translation>Gesichtsmerkmale werden gesucht</translation>
    </message>
</context>
<context>
    <name>PortraitPanel</name>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masken</translation>
    </message>
    <message>
        <source>Open Portrait…</source>
        <translation>Porträt öffnen…</translation>
    </message>
    <message>
        <source>Choose a new portrait photo (Ctrl+Shift+O); you can also drop or paste one</source>
        <translation>Neues Porträtfoto wählen (Strg+Umschalt+O); Sie können auch eines ablegen oder einfügen</translation>
    </message>
    <message>
        <source>Landmarks</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <source>Show the 68 facial landmarks found on the portrait (L)</source>
        <translation>Die 68 gefundenen Gesichtsmerkmale auf dem Porträt zeigen (L)</translation>
    </message>
    <message>
        <source>Open Portrait</source>
        <translation>Porträt öffnen</translation>
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
    <name>PortraitView</name>
    <message>
        <source>The portrait image could not be loaded</source>
        <translation>Das Porträtbild konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>Drop a portrait photo here, paste one (Ctrl+V) or open one (Ctrl+Shift+O)</source>
        <translation>Porträtfoto hier ablegen, einfügen (Strg+V) oder öffnen (Strg+Umschalt+O)</translation>
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
    <message>
        <source>Compositing the preview…</source>
        <translation>Vorschau wird zusammengesetzt…</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>No trained model is installed: the preview and the export use the classical method (warp and composite). Choose trained weights in Settings.</source>
        <translation>Kein trainiertes Modell installiert: Vorschau und Export verwenden das klassische Verfahren (Verzerren und Überlagern). Trainierte Gewichte lassen sich in den Einstellungen wählen.</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>This project cannot be rendered yet:
%1</source>
        <translation>Dieses Projekt kann noch nicht berechnet werden:
%1</translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation>Vorschau wird gerendert…</translation>
    </message>
    <message>
        <source>No preview rendered yet</source>
        <translation>Noch keine Vorschau berechnet</translation>
    </message>
</context>
<context>
    <name>ProjectAutosave</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
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
        <translation type="vanished">Automatisches Speichern fehlgeschlagen: %1</translation>
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
        <translation type="vanished">Wählen Sie eine lokale Datei, in die das Video exportiert wird.</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="vanished">Exportiere %1</translation>
    </message>
    <message>
        <source>Finding the faces…</source>
        <translation type="vanished">Gesichter werden gesucht…</translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2</source>
        <translation type="vanished">Berechne Bild %1 von %2</translation>
    </message>
    <message>
        <source>Writing the video…</source>
        <translation type="vanished">Video wird geschrieben…</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2, by %3</source>
        <translation type="vanished">
            <numerusform>%n Bild, %1×%2, mit %3</numerusform>
            <numerusform>%n Bilder, %1×%2, mit %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The video could not be exported: %1</source>
        <translation type="vanished">Das Video konnte nicht exportiert werden: %1</translation>
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
        <translation type="vanished">Automatische Maske für %1</translation>
    </message>
    <message>
        <source>Finding the face…</source>
        <translation type="vanished">Gesicht wird gesucht…</translation>
    </message>
    <message>
        <source>Computing the mask…</source>
        <translation type="vanished">Maske wird berechnet…</translation>
    </message>
    <message>
        <source>Automatic %1 Mask</source>
        <translation>Automatische %1-Maske</translation>
    </message>
    <message>
        <source>The automatic mask could not be computed: %1</source>
        <translation type="vanished">Die automatische Maske konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Unknown export quality “%1”.</source>
        <translation type="vanished">Unbekannte Exportqualität „%1“.</translation>
    </message>
    <message>
        <source>Unknown motion preset “%1”.</source>
        <translation>Unbekannte Bewegungsvorlage „%1“.</translation>
    </message>
    <message>
        <source>Motion Preset %1</source>
        <translation>Bewegungsvorlage %1</translation>
    </message>
    <message>
        <source>The driving video %1 is not a readable file.</source>
        <translation>Das Steuervideo %1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>Remove Driving Video</source>
        <translation>Steuervideo entfernen</translation>
    </message>
    <message>
        <source>Driving Video %1</source>
        <translation>Steuervideo %1</translation>
    </message>
    <message>
        <source>Change Clip Length</source>
        <translation>Cliplänge ändern</translation>
    </message>
    <message>
        <source>Change Frame Rate</source>
        <translation>Bildrate ändern</translation>
    </message>
    <message>
        <source>These references cannot be interpolated: %1</source>
        <translation>Diese Referenzen können nicht interpoliert werden: %1</translation>
    </message>
    <message>
        <source>Interpolate %1 References</source>
        <translation>%1-Referenzen interpolieren</translation>
    </message>
    <message>
        <source>Stop Interpolating</source>
        <translation>Interpolation beenden</translation>
    </message>
    <message>
        <source>Change Interpolation</source>
        <translation>Interpolation ändern</translation>
    </message>
    <message>
        <source>Change Portrait</source>
        <translation>Porträt ändern</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Geöffnet: %1</translation>
    </message>
    <message>
        <source>New project from %1</source>
        <translation>Neues Projekt aus %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <source>Change Sampling Steps</source>
        <translation>Sampling-Schritte ändern</translation>
    </message>
    <message>
        <source>Change Guidance</source>
        <translation>Guidance ändern</translation>
    </message>
    <message>
        <source>Nod</source>
        <translation>Nicken</translation>
    </message>
    <message>
        <source>Shake</source>
        <translation>Kopfschütteln</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Sprechen</translation>
    </message>
    <message>
        <source>Smile</source>
        <translation>Lächeln</translation>
    </message>
    <message>
        <source>Look around</source>
        <translation>Umschauen</translation>
    </message>
    <message>
        <source>Still</source>
        <translation>Stillhalten</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <source>An unsaved project from a session that did not close properly can be restored.</source>
        <translation>Ein ungespeichertes Projekt aus einer Sitzung, die nicht ordnungsgemäß beendet wurde, kann wiederhergestellt werden.</translation>
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
</context>
<context>
    <name>RenderController</name>
    <message>
        <source>Open a project to render its animation.</source>
        <translation>Öffnen Sie ein Projekt, um seine Animation zu berechnen.</translation>
    </message>
    <message>
        <source>Rendering the animation</source>
        <translation>Animation wird berechnet</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2 at %3 fps</source>
        <translation type="vanished">
            <numerusform>%n Bild, %1×%2 mit %3 fps</numerusform>
            <numerusform>%n Bilder, %1×%2 mit %3 fps</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendering was cancelled.</source>
        <translation>Die Berechnung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The animation could not be rendered: %1</source>
        <translation>Die Animation konnte nicht berechnet werden: %1</translation>
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
        <source>The video could not be exported: %1</source>
        <translation>Das Video konnte nicht exportiert werden: %1</translation>
    </message>
    <message>
        <source>A render is already running; wait for it or cancel it.</source>
        <translation>Es läuft bereits eine Berechnung; warten Sie darauf oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>Unknown export quality “%1”.</source>
        <translation>Unbekannte Exportqualität „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2, by %3</source>
        <translation>
            <numerusform>%n Bild, %1×%2, mit %3</numerusform>
            <numerusform>%n Bilder, %1×%2, mit %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenderProgress</name>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>noch etwa %n Sekunde</numerusform>
            <numerusform>noch etwa %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>noch etwa %n Minute</numerusform>
            <numerusform>noch etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding the faces…</source>
        <translation>Gesichter werden gesucht…</translation>
    </message>
    <message>
        <source>Writing the video…</source>
        <translation>Video wird geschrieben…</translation>
    </message>
    <message>
        <source>Generating the frames: step %1 of %2</source>
        <translation>Bilder werden erzeugt: Schritt %1 von %2</translation>
    </message>
    <message>
        <source>Generating the frames: step %1 of %2, %3</source>
        <translation>Bilder werden erzeugt: Schritt %1 von %2, %3</translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2</source>
        <translation>Bild %1 von %2 wird berechnet</translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2, %3</source>
        <translation>Bild %1 von %2 wird berechnet, %3</translation>
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
        <translation type="vanished">Mehr Schritte: sauberes Bild, langsamere Vorschau</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <source>How strongly the references steer the result (1 = no extra guidance)</source>
        <translation type="vanished">Wie stark die Referenzen das Ergebnis lenken (1 = keine zusätzliche Guidance)</translation>
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
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Built-in default model</source>
        <translation>Eingebautes Standardmodell</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>A safetensors file…</source>
        <translation>Eine safetensors-Datei…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a .safetensors model file</source>
        <translation>Eine .safetensors-Modelldatei wählen</translation>
    </message>
    <message>
        <source>Choose a Model File</source>
        <translation>Modelldatei wählen</translation>
    </message>
    <message>
        <source>Model weights (*.safetensors)</source>
        <translation>Modellgewichte (*.safetensors)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Classical method (no model)</source>
        <translation>Klassische Methode (ohne Modell)</translation>
    </message>
    <message>
        <source>The shipped model, the classical warp-and-composite method (fast, no diffusion), or weights of your own in a .safetensors file</source>
        <translation>Das mitgelieferte Modell, die klassische Methode (Verzerren und Einsetzen; schnell, ohne Diffusion) oder eigene Gewichte in einer .safetensors-Datei</translation>
    </message>
    <message>
        <source>This project</source>
        <translation>Dieses Projekt</translation>
    </message>
    <message>
        <source>The chosen model always samples in one step, whatever this says; the project keeps the value for models that take it.</source>
        <translation>Das gewählte Modell rechnet immer in einem Schritt, gleich was hier steht; das Projekt behält den Wert für Modelle, die ihn nutzen.</translation>
    </message>
    <message>
        <source>The chosen model always samples in %1 steps, whatever this says; the project keeps the value for models that take it.</source>
        <translation>Das gewählte Modell rechnet immer in %1 Schritten, gleich was hier steht; das Projekt behält den Wert für Modelle, die ihn nutzen.</translation>
    </message>
    <message>
        <source>How many denoising steps the model takes when rendering and exporting. More steps give a cleaner result and take longer; previews take at most %1 of them.</source>
        <translation>Wie viele Entrauschungsschritte das Modell beim Berechnen und Exportieren macht. Mehr Schritte ergeben ein saubereres Ergebnis und dauern länger; Vorschauen nutzen höchstens %1 davon.</translation>
    </message>
    <message>
        <source>How closely the result follows the references. 1 applies them once; higher values apply them more strongly and take twice the time per step.</source>
        <translation>Wie genau das Ergebnis den Referenzen folgt. 1 wendet sie einfach an; höhere Werte wenden sie stärker an und brauchen pro Schritt doppelt so lange.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “%1” first?</source>
        <translation>Änderungen an „%1“ zuerst speichern?</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
</context>
</TS>
