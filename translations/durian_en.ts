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
    <name>AnimationPlayer</name>
    <message>
        <source>No animation rendered yet: Render Animation (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop rendering; the previous clip stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the animation (Ctrl+Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to scrub through the animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play the animation in a loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the still preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>The model file %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model file %1 holds no tensors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model file %1 cannot be read: %2</source>
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
    <message>
        <source>Interpolated: this is reference %1 of the pair</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributeListModel</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoMaskController</name>
    <message>
        <source>Automatic mask for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic mask could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorToolBar</name>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the whole animation and play it (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the animation as MP4, WebM, GIF or PNG frames (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 video (H.264)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WebM video (VP9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIF animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG sequence (a folder of frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 and WebM play everywhere and carry sound; GIF loops in web pages; PNG frames are lossless</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the export is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second of the file; the clip keeps its duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low (smaller file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compression of MP4 and WebM; GIF and PNG are not affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width and height of the exported frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound from the driving video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The driving video has no sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportedDialog</name>
    <message>
        <source>Video Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the frames of the last render, not rendered again)</source>
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
</context>
<context>
    <name>FaceChoiceDialog</name>
    <message>
        <source>Choose a Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This photo shows %n face(s). Click the one to animate.</source>
        <translation>
            <numerusform>This photo shows %n face. Click the one to animate.</numerusform>
            <numerusform>This photo shows %n faces. Click the one to animate.</numerusform>
        </translation>
    </message>
    <message>
        <source>Animate face %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterpolationPanel</name>
    <message>
        <source>Reference A (alpha 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference B (alpha 1), of the same category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blend these two references with a slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add two references of one category to interpolate between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ↔ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha %1: 0 is all A, 1 is all B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop interpolating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render Strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Preview %n step(s) across alpha (Ctrl+I)</source>
        <translation>
            <numerusform>Preview %n step across alpha (Ctrl+I)</numerusform>
            <numerusform>Preview %n steps across alpha (Ctrl+I)</numerusform>
        </translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the strip again after every change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use alpha %1 (double-click: view it large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterpolationStrip</name>
    <message>
        <source>Pair two references of one category to see the interpolation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interpolation strip could not be rendered: %1</source>
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
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
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
        <source>%1 no longer exists; it was removed from the recent projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These recent projects no longer exist and were removed from the list:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Recent Projects</source>
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
        <source>Open &amp;Portrait…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Render Animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play / Pause Animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;Driving Video…</source>
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
        <source>&amp;Paste Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
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
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <source>The mask %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mask could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the mask…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic Mask (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic mask could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaskEditorPanel</name>
    <message>
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose mask to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category of the automatic mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the mask of this category automatically (replaces the mask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paint the mask (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase from the mask (E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush diameter %1 px ([ and ])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge hardness %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag right to grow the mask, left to shrink it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grow by %1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shrink by %1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask overlay opacity %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the photo to the view (Ctrl+0); wheel zooms, right-drag pans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo to mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Covers %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic mask confidence %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Durian Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MotionController</name>
    <message>
        <source>The driving video %1 is not a readable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motion preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the portrait&apos;s face…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the face in every frame…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawing the keypoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking the driving video was cancelled; the motion is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video %1 cannot drive the animation (%2). The motion is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MotionPanel</name>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(driving video)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A built-in head motion (replaces the driving video)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driving Video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the motion from the face in a video (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the preset instead of the driving video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length of the clip in frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per second of the clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking the motion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Driving Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mov *.mkv *.webm *.avi *.m4v *.gif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortraitController</name>
    <message>
        <source>%1 is not a readable image file. The portrait is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the face in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No face was found in %1. Choose a photo in which one face is frontal and clearly visible. The portrait is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portrait %1 could not be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted image could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no image or image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding the face landmarks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortraitPanel</name>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Portrait…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new portrait photo (Ctrl+Shift+O); you can also drop or paste one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the 68 facial landmarks found on the portrait (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Portrait</source>
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
    <name>PortraitView</name>
    <message>
        <source>The portrait image could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a portrait photo here, paste one (Ctrl+V) or open one (Ctrl+Shift+O)</source>
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
    <message>
        <source>Compositing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>No trained model is installed: the preview and the export use the classical method (warp and composite). Choose trained weights in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project cannot be rendered yet:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview rendered yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectAutosave</name>
    <message>
        <source>Autosave failed: %1</source>
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
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved changes could not be recovered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2, by %3</source>
        <translation type="vanished">
            <numerusform>%n frame, %1×%2, by %3</numerusform>
            <numerusform>%n frames, %1×%2, by %3</numerusform>
        </translation>
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
        <source>Automatic %1 Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown motion preset “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motion Preset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The driving video %1 is not a readable file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Driving Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driving Video %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Clip Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Frame Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These references cannot be interpolated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpolate %1 References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Interpolating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Interpolation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Sampling Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <source>An unsaved project from a session that did not close properly can be restored.</source>
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
</context>
<context>
    <name>RenderController</name>
    <message>
        <source>Open a project to render its animation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2 at %3 fps</source>
        <translation type="vanished">
            <numerusform>%n frame, %1×%2 at %3 fps</numerusform>
            <numerusform>%n frames, %1×%2 at %3 fps</numerusform>
        </translation>
    </message>
    <message>
        <source>Rendering was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The animation could not be rendered: %1</source>
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
        <source>The video could not be exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A render is already running; wait for it or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown export quality “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), %1×%2, by %3</source>
        <translation type="unfinished">
            <numerusform>%n frame, %1×%2, by %3</numerusform>
            <numerusform>%n frames, %1×%2, by %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenderProgress</name>
    <message numerus="yes">
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>about %n second left</numerusform>
            <numerusform>about %n seconds left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding the faces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the video…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the frames: step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the frames: step %1 of %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering frame %1 of %2, %3</source>
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
        <source>Guidance</source>
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
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in default model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A safetensors file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a .safetensors model file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Model File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model weights (*.safetensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classical method (no model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shipped model, the classical warp-and-composite method (fast, no diffusion), or weights of your own in a .safetensors file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many denoising steps the model takes when rendering and exporting. More steps give a cleaner result and take longer; previews take at most %1 of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How closely the result follows the references. 1 applies them once; higher values apply them more strongly and take twice the time per step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
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
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1” first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
