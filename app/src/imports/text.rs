//! English and Hindi text of the import pages.

pub use crate::i18n::t;

crate::texts! {
    /// The import feature's messages.
    pub enum T;
    FileNeeded => "Choose a CSV file to import.", "आयात के लिए CSV फ़ाइल चुनें।";
    Import => "Import your book", "अपनी पॉलिसियाँ आयात करें";
    ImportIntro => "Upload a CSV of your customers and their policies: one policy per row. Every row is checked first; nothing is written until you say so.", "अपने ग्राहकों और उनकी पॉलिसियों की CSV अपलोड करें: हर पंक्ति में एक पॉलिसी। पहले हर पंक्ति जाँची जाती है; आपके कहने तक कुछ नहीं लिखा जाता।";
    Template => "Download the template", "टेम्पलेट डाउनलोड करें";
    File => "CSV file", "CSV फ़ाइल";
    Upload => "Upload and check", "अपलोड करें और जाँचें";
    Recent => "Recent imports", "हाल के आयात";
    NoJobs => "No imports yet.", "अभी कोई आयात नहीं।";
    Checking => "Checking the file…", "फ़ाइल जाँची जा रही है…";
    Ready => "Checked: ready to import", "जाँच पूरी: आयात के लिए तैयार";
    Importing => "Importing…", "आयात हो रहा है…";
    Done => "Imported", "आयात हो गया";
    Failed => "Stopped: resume or roll back", "रुका: फिर शुरू करें या वापस लें";
    RolledBack => "Rolled back", "वापस लिया गया";
    Counts => "{total} rows read · {valid} valid · {bad} with problems · {done} imported", "{total} पंक्तियाँ पढ़ीं · {valid} सही · {bad} में समस्या · {done} आयात हुईं";
    Run => "Import the valid rows", "सही पंक्तियाँ आयात करें";
    Resume => "Resume", "फिर शुरू करें";
    RollBack => "Roll back this import", "यह आयात वापस लें";
    RollBackConfirm => "Remove every customer and policy this import wrote?", "इस आयात से जुड़े सभी ग्राहक और पॉलिसियाँ हटाएँ?";
    Problems => "Rows with problems", "समस्या वाली पंक्तियाँ";
    Row => "Row", "पंक्ति";
    Column => "Column", "कॉलम";
    Problem => "Problem", "समस्या";
    DownloadErrors => "Download the problems as CSV", "समस्याएँ CSV में डाउनलोड करें";
    Progress => "Import progress", "आयात की प्रगति";
}
