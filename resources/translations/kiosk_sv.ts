<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_FI">
<context>
    <name>DoorScreen</name>
    <message>
        <source>Room status</source>
        <translation>Rummets status</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>Senare i dag</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Ett ögonblick…</translation>
    </message>
    <message>
        <source>Fetching this room&apos;s bookings</source>
        <translation>Hämtar rummets bokningar</translation>
    </message>
    <message>
        <source>No more bookings today</source>
        <translation>Inga fler bokningar i dag</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>och {count} till</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Ledigt</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Upptaget</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evenemang</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängt</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>till kl. {time}</translation>
    </message>
    <message>
        <source>until {date} at {time}</source>
        <translation>till {date} kl. {time}</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(preliminär)</translation>
    </message>
    <message>
        <source>Private booking</source>
        <translation>Privat bokning</translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation>tills vidare</translation>
    </message>
    <message>
        <source>Free for the rest of the day</source>
        <translation>Ledigt resten av dagen</translation>
    </message>
    <message>
        <source>Free until {time}</source>
        <translation>Ledigt till kl. {time}</translation>
    </message>
    <message>
        <source>Next booking in {duration}</source>
        <translation>Nästa bokning om {duration}</translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation>{duration} kvar</translation>
    </message>
</context>
<context>
    <name>LobbyScreen</name>
    <message>
        <source>Check-in</source>
        <translation>Incheckning</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Välkommen</translation>
    </message>
    <message>
        <source>Tap your badge or show the QR code of your invitation</source>
        <translation>Visa QR-koden i din inbjudan eller håll ditt passerkort mot läsaren</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Tillbaka till början</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Byt språk</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Välkommen, {name}!</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Välkommen!</translation>
    </message>
    <message>
        <source>Checked in at {time}</source>
        <translation>Du checkade in kl. {time}</translation>
    </message>
    <message>
        <source>Goodbye, {name}! See you soon.</source>
        <translation>Hej då, {name}! Vi ses snart.</translation>
    </message>
    <message>
        <source>Goodbye! See you soon.</source>
        <translation>Hej då! Vi ses snart.</translation>
    </message>
    <message>
        <source>Checked out at {time}</source>
        <translation>Du checkade ut kl. {time}</translation>
    </message>
    <message>
        <source>{name}, you are already checked in</source>
        <translation>{name}, du är redan incheckad</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>Du är redan incheckad</translation>
    </message>
    <message>
        <source>Checked in since {time}</source>
        <translation>Incheckad sedan kl. {time}</translation>
    </message>
    <message>
        <source>{name}, you are already checked out</source>
        <translation>{name}, du är redan utcheckad</translation>
    </message>
    <message>
        <source>You are already checked out</source>
        <translation>Du är redan utcheckad</translation>
    </message>
    <message>
        <source>Checked out since {time}</source>
        <translation>Utcheckad sedan kl. {time}</translation>
    </message>
    <message>
        <source>Badge not recognised</source>
        <translation>Kortet kändes inte igen</translation>
    </message>
    <message>
        <source>Please contact a host. They are happy to help.</source>
        <translation>Kontakta personalen i Labbet – vi hjälper gärna till.</translation>
    </message>
    <message>
        <source>Something went wrong, nothing was saved.</source>
        <translation>Något gick fel, inget sparades.</translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation>Försök igen.</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <source>Offline</source>
        <translation>Ingen nätförbindelse</translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation>Ingen nätförbindelse sedan kl. {time}</translation>
    </message>
    <message>
        <source>Offline since {date} at {time}</source>
        <translation>Ingen nätförbindelse sedan {date} kl. {time}</translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation>1 ändring väntar på att skickas</translation>
    </message>
    <message>
        <source>{count} changes waiting to be sent</source>
        <translation>{count} ändringar väntar på att skickas</translation>
    </message>
    <message>
        <source>Syncing for the first time…</source>
        <translation>Synkroniserar för första gången…</translation>
    </message>
    <message>
        <source>Reader {name}: reconnecting…</source>
        <translation>Läsare {name}: ansluter igen…</translation>
    </message>
    <message>
        <source>Reader {name} is not working. Please tell a host.</source>
        <translation>Läsaren {name} fungerar inte. Meddela personalen.</translation>
    </message>
</context>
</TS>
