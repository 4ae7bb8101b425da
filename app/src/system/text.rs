//! English and Hindi text of the system status page, the feature's own `texts!` table
//! (a missing translation does not compile).

pub use crate::i18n::t;

crate::texts! {
    /// The system status page' messages.
    pub enum T;
    StatusTitle => "System status", "सिस्टम स्थिति";
    StatusIntro => "Live health of the service, its database and the machine it runs on.", "सेवा, उसके डेटाबेस और सर्वर मशीन की मौजूदा स्थिति।";
    StatusOverall => "Overall", "कुल स्थिति";
    StatusDatabase => "Database", "डेटाबेस";
    StatusHost => "Server", "सर्वर";
    StatusRoundTrip => "Round trip", "राउंड ट्रिप";
    StatusPool => "Connections in use", "उपयोग में कनेक्शन";
    StatusCpu => "CPU", "CPU";
    StatusMemory => "Memory", "मेमोरी";
    StatusDisk => "Disk", "डिस्क";
    StatusUptime => "Up for", "चालू समय";
    StatusVersion => "Version", "संस्करण";
    StatusRefresh => "Refresh", "रीफ़्रेश करें";
    StatusLatencyChart => "Database round trip, last checks (ms)", "डेटाबेस राउंड ट्रिप, पिछली जाँचें (ms)";
    StatusUpdated => "Updates every 15 seconds.", "हर 15 सेकंड में अपडेट होता है।";
    Healthy => "Healthy", "ठीक है";
    Degraded => "Degraded", "आंशिक रूप से बाधित";
    Critical => "Critical", "गंभीर";
    Unhealthy => "Down", "बंद";
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_fully_translated() {
        crate::i18n::check_table(super::T::ALL);
    }
}
