<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_FI">
<context>
    <name>Checkout</name>
    <message>
        <source>Check out</source>
        <translation>Checka ut</translation>
    </message>
    <message>
        <source>Tap your name. With an invitation, you can also scan it again.</source>
        <translation>Tryck på ditt namn. Har du en inbjudan kan du också skanna den igen.</translation>
    </message>
    <message>
        <source>No visitors are checked in. Members check out with their badge.</source>
        <translation>Inga besökare är incheckade. Medlemmar checkar ut med sitt kort.</translation>
    </message>
    <message>
        <source>in since {time}</source>
        <translation>inne sedan kl. {time}</translation>
    </message>
</context>
<context>
    <name>DoorActions</name>
    <message>
        <source>Check in</source>
        <translation>Checka in</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Avsluta nu</translation>
    </message>
    <message>
        <source>Until {time}</source>
        <translation>Till {time}</translation>
    </message>
    <message>
        <source>+{duration}</source>
        <translation>+{duration}</translation>
    </message>
    <message>
        <source>Book this room until {time}</source>
        <translation>Boka rummet till {time}</translation>
    </message>
    <message>
        <source>Extend the current booking until {time}</source>
        <translation>Förläng bokningen till {time}</translation>
    </message>
    <message>
        <source>End the current booking now and free the room</source>
        <translation>Avsluta bokningen nu och frigör rummet</translation>
    </message>
    <message>
        <source>Check in to the meeting</source>
        <translation>Checka in till mötet</translation>
    </message>
    <message>
        <source>Book now</source>
        <translation>Boka nu</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Förläng</translation>
    </message>
    <message>
        <source>Tap your badge on the reader: {action}</source>
        <translation>Visa ditt passerkort för läsaren: {action}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Choose an action on the screen first, then tap your badge.</source>
        <translation>Välj först en åtgärd på skärmen och visa sedan ditt passerkort.</translation>
    </message>
    <message>
        <source>Booked {span}. Welcome{who}!</source>
        <translation>Bokat {span}. Välkommen{who}!</translation>
    </message>
    <message>
        <source>Confirmed as soon as the booking system has it.</source>
        <translation>Bokningen bekräftas när bokningssystemet har fått den.</translation>
    </message>
    <message>
        <source>Extended until {time}.</source>
        <translation>Förlängt till {time}.</translation>
    </message>
    <message>
        <source>Booking ended. The room is free. Thank you{who}!</source>
        <translation>Bokningen avslutades. Rummet är ledigt. Tack{who}!</translation>
    </message>
    <message>
        <source>Checked in. Have a good meeting{who}!</source>
        <translation>Incheckad. Trevligt möte{who}!</translation>
    </message>
    <message>
        <source>Released.</source>
        <translation>Frigjort.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ingenting ändrades.</translation>
    </message>
    <message>
        <source>This room needs a badge tap for that.</source>
        <translation>Det här rummet kräver passerkort för det.</translation>
    </message>
    <message>
        <source>Badge not recognised. Please ask a host.</source>
        <translation>Passerkortet kändes inte igen. Fråga en värd.</translation>
    </message>
    <message>
        <source>That booking has already ended.</source>
        <translation>Bokningen har redan tagit slut.</translation>
    </message>
    <message>
        <source>There is no meeting to check in to right now.</source>
        <translation>Det finns inget möte att checka in till just nu.</translation>
    </message>
    <message>
        <source>That booking is no longer here.</source>
        <translation>Bokningen finns inte längre.</translation>
    </message>
    <message>
        <source>The room is not free right now.</source>
        <translation>Rummet är inte ledigt just nu.</translation>
    </message>
    <message>
        <source>The room is booked from {time}, so there is no time for that.</source>
        <translation>Rummet är bokat från {time}, så tiden räcker inte.</translation>
    </message>
    <message>
        <source>There is no time for that.</source>
        <translation>Tiden räcker inte.</translation>
    </message>
    <message>
        <source>Check-in opens at {time}.</source>
        <translation>Incheckningen öppnar {time}.</translation>
    </message>
    <message>
        <source>This meeting is already checked in.</source>
        <translation>Mötet är redan incheckat.</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved. Please try again.</source>
        <translation>Något gick fel och ingenting sparades. Försök igen.</translation>
    </message>
    <message>
        <source>The booking {span} made at this door could not be confirmed.</source>
        <translation>Bokningen {span} som gjordes vid den här dörren kunde inte bekräftas.</translation>
    </message>
    <message>
        <source>The room was booked elsewhere first.</source>
        <translation>Rummet hann bokas någon annanstans.</translation>
    </message>
    <message>
        <source>The room is booked {span}: {title}.</source>
        <translation>Rummet är bokat {span}: {title}.</translation>
    </message>
</context>
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
        <source>Book for later</source>
        <translation>Boka till senare</translation>
    </message>
    <message>
        <source>The room&apos;s calendar could not be read</source>
        <translation>Rummets kalender kunde inte läsas</translation>
    </message>
    <message>
        <source>Calendar not updated since {time}</source>
        <translation>Kalendern har inte uppdaterats sedan {time}</translation>
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
        <source>Booked for the rest of the day</source>
        <translation>Bokat resten av dagen</translation>
    </message>
    <message>
        <source>Next free from {time}</source>
        <translation>Ledigt igen från {time}</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>Snart ledigt</translation>
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
    <message>
        <source>Booked at the door</source>
        <translation>Bokat vid dörren</translation>
    </message>
    <message>
        <source>Night mode: touch to wake the screen</source>
        <translation>Nattläge: rör skärmen för att väcka den</translation>
    </message>
    <message>
        <source>QR code to this room&apos;s booking page</source>
        <translation>QR-kod till rummets bokningssida</translation>
    </message>
    <message>
        <source>Today&apos;s timeline: {count} bookings</source>
        <translation>Dagens tidslinje: {count} bokningar</translation>
    </message>
</context>
<context>
    <name>Evacuation</name>
    <message>
        <source>Visitor (name not synced yet)</source>
        <translation>Besökare (namnet har inte synkats än)</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Besökare</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Värd</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sedan</translation>
    </message>
    <message>
        <source>Everyone in the building</source>
        <translation>Alla i byggnaden</translation>
    </message>
    <message>
        <source>Checked in: {count} · as of {time}</source>
        <translation>Incheckade: {count} · läget kl. {time}</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Spara PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved.</source>
        <translation>PDF-filen kunde inte sparas.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Sparad: {path}</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Capital letters</source>
        <translation>Versaler</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mellanslag</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Radera</translation>
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
        <source>Evacuation list</source>
        <translation>Utrymningslista</translation>
    </message>
    <message>
        <source>No invitation? Register here</source>
        <translation>Ingen inbjudan? Anmäl dig här</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Checka ut</translation>
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
    <message>
        <source>{host} will come to meet you</source>
        <translation>{host} kommer och möter dig</translation>
    </message>
    <message>
        <source>You are checked in. A host will be with you shortly.</source>
        <translation>Du är incheckad. Personalen kommer strax till dig.</translation>
    </message>
    <message>
        <source>Already checked in at {time}</source>
        <translation>Redan incheckad kl. {time}</translation>
    </message>
    <message>
        <source>If you need help, please contact a host.</source>
        <translation>Behöver du hjälp, kontakta personalen.</translation>
    </message>
    <message>
        <source>This invitation is valid from {time}.</source>
        <translation>Inbjudan gäller från kl. {time}.</translation>
    </message>
    <message>
        <source>This invitation is for {date}.</source>
        <translation>Inbjudan gäller {date}</translation>
    </message>
    <message>
        <source>Please come back then, or contact a host.</source>
        <translation>Välkommen tillbaka då, eller kontakta personalen.</translation>
    </message>
    <message>
        <source>It was valid until {time}.</source>
        <translation>Den gällde till {time}.</translation>
    </message>
    <message>
        <source>This invitation has expired</source>
        <translation>Inbjudan har gått ut</translation>
    </message>
    <message>
        <source>This code is not a Lab invitation</source>
        <translation>Koden är inte en inbjudan till Labbet</translation>
    </message>
    <message>
        <source>Please show the QR code of your invitation.</source>
        <translation>Visa QR-koden i din inbjudan.</translation>
    </message>
    <message>
        <source>This invitation cannot be checked here yet</source>
        <translation>Inbjudan kan inte kontrolleras här ännu</translation>
    </message>
    <message>
        <source>This invitation has been withdrawn</source>
        <translation>Inbjudan har återkallats</translation>
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
<context>
    <name>Walkin</name>
    <message>
        <source>Register as a visitor</source>
        <translation>Anmäl dig som besökare</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation>Organisation (frivilligt)</translation>
    </message>
    <message>
        <source>Who are you here to see?</source>
        <translation>Vem besöker du?</translation>
    </message>
    <message>
        <source>I accept</source>
        <translation>Jag godkänner</translation>
    </message>
    <message>
        <source>I accept the privacy notice</source>
        <translation>Jag godkänner dataskyddsmeddelandet</translation>
    </message>
    <message>
        <source>We store your name, organisation and host to know who is in the building and to tell your host that you arrived. The data is deleted after {days} days.</source>
        <translation>Vi sparar ditt namn, din organisation och din värd för att veta vem som är i byggnaden och för att meddela din värd att du har kommit. Uppgifterna raderas efter {days} dagar.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Checka in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation>Skriv ditt namn.</translation>
    </message>
    <message>
        <source>Please choose who you are here to see.</source>
        <translation>Välj vem du besöker.</translation>
    </message>
    <message>
        <source>Please accept the privacy notice.</source>
        <translation>Godkänn dataskyddsmeddelandet.</translation>
    </message>
</context>
</TS>
