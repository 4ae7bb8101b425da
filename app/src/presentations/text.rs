//! English and Hindi text of the presentation pages. Kept beside the feature so the
//! shared table in `i18n.rs` stays small; the macro makes both languages required
//! for every message, so a missing translation does not compile.

use crate::i18n::{use_lang, Lang};

macro_rules! texts {
    ($($name:ident => $en:literal, $hi:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($name),+ }

        pub fn text(lang: Lang, msg: T) -> &'static str {
            match msg {
                $(T::$name => match lang { Lang::En => $en, Lang::Hi => $hi }),+
            }
        }
    };
}

/// The text of `msg` in the current language.
pub fn tr(msg: T) -> &'static str {
    text(use_lang(), msg)
}

texts! {
    Active => "Active", "सक्रिय";
    AddSlide => "Add slide", "स्लाइड जोड़ें";
    All => "All", "सभी";
    AllSaved => "All changes saved", "सभी बदलाव सहेजे गए";
    Archive => "Archive", "संग्रहित करें";
    Archived => "Archived", "संग्रहित";
    BackToLibrary => "Back to presentations", "प्रेज़ेंटेशन पर वापस";
    BackgroundColor => "Background colour", "पृष्ठभूमि रंग";
    Branding => "Your branding", "आपकी ब्रांडिंग";
    ButtonColor => "Button colour", "बटन का रंग";
    ButtonLink => "Button link (/page, tel:, https://)", "बटन लिंक (/page, tel:, https://)";
    ButtonText => "Button text", "बटन का टेक्स्ट";
    ButtonTextColor => "Button text colour", "बटन टेक्स्ट का रंग";
    CallToAction => "Call-to-action button", "कॉल-टू-एक्शन बटन";
    Carousel => "carousel", "कैरोसेल";
    ChildPlans => "Child plans", "बाल योजनाएँ";
    ChooseAgent => "Whose presentations?", "किसके प्रेज़ेंटेशन?";
    ChooseSlide => "Choose a slide", "स्लाइड चुनें";
    ConfirmArchive => "Archive this presentation? It leaves your home page but is kept.", "इस प्रेज़ेंटेशन को संग्रहित करें? यह होम पेज से हटेगा पर सुरक्षित रहेगा।";
    ConfirmDelete => "Delete this draft for good?", "इस ड्राफ़्ट को हमेशा के लिए हटाएँ?";
    ConfirmDeleteFile => "Delete this file from your library?", "इस फ़ाइल को लाइब्रेरी से हटाएँ?";
    ConfirmDeleteSlide => "Are you sure you want to delete this slide?", "क्या आप वाकई यह स्लाइड हटाना चाहते हैं?";
    ConfirmDiscard => "You have unsaved changes. Leave without saving?", "आपके बदलाव सहेजे नहीं गए हैं। बिना सहेजे जाएँ?";
    ConfirmPublish => "Make this your home-screen carousel?", "इसे अपने होम-स्क्रीन कैरोसेल बनाएँ?";
    ConflictTitle => "This presentation changed somewhere else", "यह प्रेज़ेंटेशन कहीं और बदला गया है";
    ContactText => "Contact text", "संपर्क टेक्स्ट";
    CreateBlank => "Create", "बनाएँ";
    CreateFirst => "Create your first presentation above, or start from a template.", "ऊपर अपना पहला प्रेज़ेंटेशन बनाएँ, या टेम्पलेट से शुरू करें।";
    CreatePresentation => "Create Presentation", "प्रेज़ेंटेशन बनाएँ";
    Delete => "Delete", "हटाएँ";
    DeleteFile => "Delete file", "फ़ाइल हटाएँ";
    DeleteSlide => "Delete slide", "स्लाइड हटाएँ";
    Description => "Description", "विवरण";
    Details => "Details", "विवरण";
    Down => "down", "नीचे";
    Draft => "Draft", "ड्राफ़्ट";
    DragToReorder => "Drag to reorder", "क्रम बदलने के लिए खींचें";
    Duplicate => "Duplicate", "कॉपी बनाएँ";
    DuplicateSlide => "Duplicate slide", "स्लाइड की कॉपी";
    Duration => "Duration", "अवधि";
    Edit => "Edit", "संपादित करें";
    EditCarousel => "Edit carousel", "कैरोसेल संपादित करें";
    EditPresentation => "Edit Presentation", "प्रेज़ेंटेशन संपादित करें";
    EmptyFile => "The file is empty.", "फ़ाइल खाली है।";
    FilterByStatus => "Filter by status", "स्थिति से छाँटें";
    FixFields => "Please fix the highlighted fields.", "कृपया चिह्नित फ़ील्ड ठीक करें।";
    HeadlinePlaceholder => "e.g. Secure your family's future", "जैसे: अपने परिवार का भविष्य सुरक्षित करें";
    HealthInsurance => "Health insurance", "स्वास्थ्य बीमा";
    HomeTitle => "Home", "होम";
    ImageTooLarge => "Images can be up to 5 MB.", "तस्वीर अधिकतम 5 MB हो सकती है।";
    KeepEditing => "Keep editing", "संपादन जारी रखें";
    Layout => "Layout", "लेआउट";
    LibraryEmpty => "No files yet. Upload one above.", "अभी कोई फ़ाइल नहीं। ऊपर अपलोड करें।";
    Media => "Image or video", "तस्वीर या वीडियो";
    MediaLibrary => "Your media library", "आपकी मीडिया लाइब्रेरी";
    MoveSlide => "Move slide", "स्लाइड खिसकाएँ";
    Namaste => "Namaste", "नमस्ते";
    Name => "Name", "नाम";
    NamePlaceholder => "e.g. Diwali offers", "जैसे: दिवाली ऑफ़र";
    NameRequired => "Give the presentation a name.", "प्रेज़ेंटेशन को नाम दें।";
    NameTooLong => "Up to 255 characters.", "अधिकतम 255 अक्षर।";
    NeedsJs => "The editor needs JavaScript. Your presentations are listed on the Presentations page.", "संपादक को JavaScript चाहिए। आपके प्रेज़ेंटेशन, प्रेज़ेंटेशन पेज पर हैं।";
    NetworkFailed => "The network failed. Check your connection and try again.", "नेटवर्क विफल रहा। कनेक्शन जाँचें और फिर कोशिश करें।";
    NewPresentation => "New presentation", "नया प्रेज़ेंटेशन";
    NewSlide => "New Slide", "नई स्लाइड";
    NextSlide => "Next slide", "अगली स्लाइड";
    NoPresentation => "No presentation available", "कोई प्रेज़ेंटेशन उपलब्ध नहीं";
    NoPresentationHint => "Make a carousel for your customers in a few minutes.", "कुछ ही मिनटों में अपने ग्राहकों के लिए कैरोसेल बनाएँ।";
    NoSlides => "No slides yet", "अभी कोई स्लाइड नहीं";
    NoSlidesYet => "No slides yet. Add one to begin.", "अभी कोई स्लाइड नहीं। शुरू करने के लिए जोड़ें।";
    Of => "of", "में से";
    Open => "Open", "खोलें";
    OverlayOpacity => "Overlay", "ओवरले";
    Presentations => "Presentations", "प्रेज़ेंटेशन";
    Picker => "picker", "चयनकर्ता";
    Preview => "Preview", "पूर्वावलोकन";
    PreviousSlide => "Previous slide", "पिछली स्लाइड";
    Profile => "Profile", "प्रोफ़ाइल";
    Publish => "Publish", "प्रकाशित करें";
    Published => "Published", "प्रकाशित";
    PublishedToast => "Published. It is now your home-screen carousel.", "प्रकाशित। अब यह आपका होम-स्क्रीन कैरोसेल है।";
    QuickLinks => "Quick links", "त्वरित लिंक";
    ReloadLatest => "Load the latest version", "नवीनतम संस्करण लोड करें";
    ReorderHint => "Drag ⋮⋮ or use the arrows to change the order.", "क्रम बदलने के लिए ⋮⋮ खींचें या तीर दबाएँ।";
    Restore => "Restore as draft", "ड्राफ़्ट के रूप में वापस लाएँ";
    Retirement => "Retirement", "सेवानिवृत्ति";
    SaveChanges => "Save changes", "बदलाव सहेजें";
    SaveDraft => "Save draft", "ड्राफ़्ट सहेजें";
    SaveFailed => "Failed to save", "सहेजना विफल";
    SavedToast => "Draft saved", "ड्राफ़्ट सहेजा गया";
    Saving => "Saving…", "सहेजा जा रहा है…";
    ScheduleHint => "Leave empty to show it always. Times are in your timezone", "हमेशा दिखाने के लिए खाली छोड़ें। समय आपके टाइमज़ोन में है";
    ScheduleOptional => "Schedule (optional)", "समय-सारणी (वैकल्पिक)";
    SetActive => "Set active", "सक्रिय करें";
    ShowButton => "Show a button", "बटन दिखाएँ";
    ShowContact => "Show my contact", "मेरा संपर्क दिखाएँ";
    ShowFrom => "Show from", "कब से दिखाएँ";
    ShowUntil => "Show until", "कब तक दिखाएँ";
    ShowingActive => "On your home page:", "आपके होम पेज पर:";
    Slide => "Slide", "स्लाइड";
    SlideAdded => "Slide added", "स्लाइड जोड़ी गई";
    SlideContent => "Slide content", "स्लाइड सामग्री";
    SlideDeleted => "Slide deleted", "स्लाइड हटाई गई";
    SlideMoved => "Slide moved", "स्लाइड खिसकाई गई";
    SlideSchedule => "Show this slide only between (optional)", "यह स्लाइड केवल इस समय के बीच दिखाएँ (वैकल्पिक)";
    SlideType => "Slide type", "स्लाइड का प्रकार";
    Slides => "Slides", "स्लाइडें";
    SlidesWord => "slides", "स्लाइड";
    StartFromTemplate => "Or start from a template", "या टेम्पलेट से शुरू करें";
    StartSlideShow => "Start automatic slide show", "स्वचालित स्लाइड शो शुरू करें";
    StopSlideShow => "Stop automatic slide show", "स्वचालित स्लाइड शो रोकें";
    Subtitle => "Subtitle", "उपशीर्षक";
    TalkToMe => "Talk to me", "मुझसे बात करें";
    TermInsurance => "Term insurance", "टर्म बीमा";
    TextColor => "Text colour", "टेक्स्ट का रंग";
    Title => "Title", "शीर्षक";
    TransitionLabel => "Transition", "बदलाव प्रभाव";
    TypeImage => "Image", "तस्वीर";
    TypeText => "Text", "टेक्स्ट";
    TypeVideo => "Video", "वीडियो";
    Unsaved => "Unsaved changes", "बदलाव सहेजे नहीं गए";
    UntitledSlide => "Untitled Slide", "बिना शीर्षक स्लाइड";
    Up => "up", "ऊपर";
    UploadFailed => "Failed to upload media", "मीडिया अपलोड विफल";
    UploadFile => "Upload image or video", "तस्वीर या वीडियो अपलोड करें";
    UploadLimits => "JPEG, PNG, WebP or GIF up to 5 MB; MP4, WebM or MOV up to 50 MB.", "JPEG, PNG, WebP या GIF 5 MB तक; MP4, WebM या MOV 50 MB तक।";
    Uploaded => "Uploaded", "अपलोड हो गया";
    Uploading => "Uploading", "अपलोड हो रहा है";
    UseFile => "Use", "उपयोग करें";
    UseTemplate => "Use this template", "यह टेम्पलेट उपयोग करें";
    VideoTooLarge => "Videos can be up to 50 MB.", "वीडियो अधिकतम 50 MB हो सकता है।";
    YourCarousel => "Your carousel", "आपका कैरोसेल";
    YourHeadline => "Your headline", "आपकी मुख्य पंक्ति";
    YourSubtitle => "Your subtitle (optional)", "आपका उपशीर्षक (वैकल्पिक)";
}
