<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Durian Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durian Studio %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait animation with attribute transfer, after the Durian method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributeList</name>
    <message>
        <source>Strength %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attribute references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyeglasses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category of the next reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Reference…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a photo whose %1 is transferred to the portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this reference contributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic mask, confidence %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask: automatic when rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch this reference off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch this reference on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the mask automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobQueue</name>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Durian Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portrait image could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project cannot be rendered yet:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview rendered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durian projects (*.durian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durian Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has unsaved changes from a session that did not close properly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebM video (*.webm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF animation (*.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrained model: trained weights are not installed yet, so the preview shows noise.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewController</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be rendered: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDocument</name>
    <message>
        <source>Rename Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preset “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 frames at %3 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a local file to save the project to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a local file to export the video to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the faces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2, by %3</source>
        <translation>
            <numerusform>%n frame, %1×%2, by %3</numerusform>
            <numerusform>%n frames, %1×%2, by %3</numerusform>
        </translation>
    </message>
    <message>
        <source>The video could not be exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyeglasses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown attribute category “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reference image %1 is not a readable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask %1 is not a readable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch On %1 Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch Off %1 Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Reference to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 Strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic mask for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the face…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic %1 Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic mask could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More steps: a cleaner image, a slower preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strongly the references steer the result (1 = no extra guidance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side of the preview image in pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processor threads for generation (from the next start)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
