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
    <name>ConsoleProblem</name>
    <message>
        <source>Your staff credential is no longer valid. Ask IT for a new one.</source>
        <translation>Din personalinloggning gäller inte längre. Be IT om en ny.</translation>
    </message>
    <message>
        <source>Offline: the Lab&apos;s service cannot be reached. What you see may be out of date.</source>
        <translation>Ingen förbindelse: Labbets tjänst kan inte nås. Det du ser kan vara föråldrat.</translation>
    </message>
    <message>
        <source>Not done. {reason}</source>
        <translation>Inte gjort. {reason}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Något gick fel: {error}</translation>
    </message>
</context>
<context>
    <name>ConsoleRefusal</name>
    <message>
        <source>The visitor&apos;s name is missing.</source>
        <translation>Besökarens namn saknas.</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters.</source>
        <translation>Namnet är längre än {limit} tecken.</translation>
    </message>
    <message>
        <source>The organisation is longer than {limit} characters.</source>
        <translation>Organisationens namn är längre än {limit} tecken.</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Slutet är före början.</translation>
    </message>
    <message>
        <source>The end is already in the past.</source>
        <translation>Slutet har redan passerat.</translation>
    </message>
    <message>
        <source>An invitation can be valid for one year at most.</source>
        <translation>En inbjudan kan gälla i högst ett år.</translation>
    </message>
    <message>
        <source>{host} no longer receives visitors: choose another host.</source>
        <translation>{host} tar inte längre emot besökare: välj en annan värd.</translation>
    </message>
    <message>
        <source>No host “{host}” is known at the Lab.</source>
        <translation>Labbet känner ingen värd ”{host}”.</translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address.</source>
        <translation>”{address}” är inte en e-postadress.</translation>
    </message>
    <message>
        <source>The e-mail&apos;s language must be Finnish, Swedish or English.</source>
        <translation>E-postens språk måste vara finska, svenska eller engelska.</translation>
    </message>
    <message>
        <source>The service has no sender address for e-mails. Ask IT to set one.</source>
        <translation>Tjänsten har ingen avsändaradress för e-post. Be IT ställa in en.</translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is not yes or no.</source>
        <translation>Kolumn {column}: ”{value}” är inte ja eller nej.</translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is not a date like 2026-11-27 or 2026-11-27T09:00.</source>
        <translation>Kolumn {column}: ”{value}” är inte ett datum som 2026-11-27 eller 2026-11-27T09:00.</translation>
    </message>
    <message>
        <source>Column {column} has an invisible or control character ({char}): remove it and save the file again.</source>
        <translation>Kolumn {column} har ett osynligt tecken eller ett styrtecken ({char}): ta bort det och spara filen igen.</translation>
    </message>
    <message>
        <source>Column {column} shows nothing: it holds only invisible characters.</source>
        <translation>Kolumn {column} visar ingenting: den har bara osynliga tecken.</translation>
    </message>
    <message>
        <source>The row has more fields than the first row.</source>
        <translation>Raden har fler fält än den första raden.</translation>
    </message>
    <message>
        <source>The Lab&apos;s database did not accept it.</source>
        <translation>Labbets databas godtog det inte.</translation>
    </message>
    <message>
        <source>The invitation card could not be made.</source>
        <translation>Inbjudningskortet kunde inte göras.</translation>
    </message>
    <message>
        <source>It can start {days} days ahead at most.</source>
        <translation>Starten kan ligga högst {days} dagar framåt.</translation>
    </message>
    <message>
        <source>A date is too far in the past or the future.</source>
        <translation>Datumet ligger för långt bakåt eller framåt i tiden.</translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is outside the years {first} to {last}.</source>
        <translation>Kolumn {column}: ”{value}” ligger utanför åren {first}–{last}.</translation>
    </message>
    <message>
        <source>The event&apos;s dates are outside the years {first} to {last}: correct the event first.</source>
        <translation>Evenemangets datum ligger utanför åren {first}–{last}: rätta evenemanget först.</translation>
    </message>
    <message>
        <source>The service could not check this row because of an error of its own. Ask IT: the service&apos;s log names it.</source>
        <translation>Tjänsten kunde inte kontrollera raden på grund av ett eget fel. Fråga IT: felet finns i tjänstens logg.</translation>
    </message>
    <message>
        <source>The file is too long: split it into smaller ones.</source>
        <translation>Filen är för lång: dela upp den i mindre filer.</translation>
    </message>
    <message>
        <source>The file has more than {limit} rows: split it.</source>
        <translation>Filen har fler än {limit} rader: dela upp den.</translation>
    </message>
    <message>
        <source>The file&apos;s first row must name the columns {columns}.</source>
        <translation>Filens första rad måste ange kolumnerna {columns}.</translation>
    </message>
    <message>
        <source>The file cannot be read at row {line}.</source>
        <translation>Filen kan inte läsas på rad {line}.</translation>
    </message>
    <message>
        <source>Write the title in Finnish at least.</source>
        <translation>Skriv rubriken åtminstone på finska.</translation>
    </message>
    <message>
        <source>The title is longer than {limit} characters.</source>
        <translation>Rubriken är längre än {limit} tecken.</translation>
    </message>
    <message>
        <source>The description is longer than {limit} characters.</source>
        <translation>Beskrivningen är längre än {limit} tecken.</translation>
    </message>
    <message>
        <source>The online link must start with http:// or https://.</source>
        <translation>Webblänken måste börja med http:// eller https://.</translation>
    </message>
    <message>
        <source>The online link is longer than {limit} characters.</source>
        <translation>Webblänken är längre än {limit} tecken.</translation>
    </message>
    <message>
        <source>An event can last {days} days at most.</source>
        <translation>Ett evenemang kan pågå i högst {days} dagar.</translation>
    </message>
    <message>
        <source>You can switch the mode for {days} days at most.</source>
        <translation>Läget kan bytas för högst {days} dagar.</translation>
    </message>
    <message>
        <source>The capacity must be greater than zero.</source>
        <translation>Antalet platser måste vara större än noll.</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>Evenemanget finns inte längre.</translation>
    </message>
    <message>
        <source>This event was started at a host panel: change it there.</source>
        <translation>Evenemanget startades på en personalpanel: ändra det där.</translation>
    </message>
    <message>
        <source>The event is already over.</source>
        <translation>Evenemanget är redan slut.</translation>
    </message>
    <message>
        <source>The Lab has no room {rooms}.</source>
        <translation>Labbet har inget rum {rooms}.</translation>
    </message>
    <message>
        <source>Only the Lab&apos;s hosts may switch a room&apos;s mode. Ask one of them.</source>
        <translation>Endast Labbets personal får byta ett rums läge. Be någon av dem.</translation>
    </message>
    <message>
        <source>The room cannot be switched to that mode.</source>
        <translation>Rummet kan inte bytas till det läget.</translation>
    </message>
    <message>
        <source>This service makes the report as HTML only: choose HTML.</source>
        <translation>Den här tjänsten gör rapporten bara som HTML: välj HTML.</translation>
    </message>
    <message>
        <source>The report is made as PDF or HTML.</source>
        <translation>Rapporten görs som PDF eller HTML.</translation>
    </message>
    <message>
        <source>Nothing to report for the period: no visits, bookings, events or feedback.</source>
        <translation>Inget att rapportera för perioden: inga besök, bokningar, evenemang eller respons.</translation>
    </message>
    <message>
        <source>A period can be {days} days at most.</source>
        <translation>En period kan vara högst {days} dagar.</translation>
    </message>
    <message>
        <source>Your staff credential names no person. Ask IT for a new one.</source>
        <translation>Din personalinloggning hör inte till någon person. Be IT om en ny.</translation>
    </message>
    <message>
        <source>The service cannot sign invitations yet. Ask IT to set it up.</source>
        <translation>Tjänsten kan ännu inte signera inbjudningar. Be IT ställa in det.</translation>
    </message>
    <message>
        <source>Too many requests at once: try again in {retry_after} seconds.</source>
        <translation>För många förfrågningar på en gång: försök igen om {retry_after} sekunder.</translation>
    </message>
    <message>
        <source>Something in the form is not valid: check it and try again.</source>
        <translation>Något i formuläret är inte giltigt: kontrollera det och försök igen.</translation>
    </message>
    <message>
        <source>The chosen host no longer receives visitors: choose another host.</source>
        <translation>Den valda värden tar inte längre emot besökare: välj en annan värd.</translation>
    </message>
    <message>
        <source>The chosen host is no longer known at the Lab.</source>
        <translation>Labbet känner inte längre den valda värden.</translation>
    </message>
    <message>
        <source>Too many requests at once: try again soon.</source>
        <translation>För många förfrågningar på en gång: försök igen snart.</translation>
    </message>
    <message>
        <source>The service said no: {reason}</source>
        <translation>Tjänsten godtog inte detta. Orsaken på engelska: {reason}</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Lab Kiosk – staff console</source>
        <translation>Lab Kiosk – personalens konsol</translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation>Personalens konsol</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Frågar tjänsten…</translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation>Inloggad som {name}</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sidor</translation>
    </message>
</context>
<context>
    <name>CsvCheck</name>
    <message>
        <source>CSV file to import</source>
        <translation>CSV-fil att importera</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-filer (*.csv);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerar…</translation>
    </message>
    <message>
        <source>Rows imported: {ok}. Rows refused at the import: {bad}.</source>
        <translation>Importerade rader: {ok}. Rader som avvisades vid importen: {bad}.</translation>
    </message>
    <message>
        <source>Rows that can be imported: {ok}. Rows that will fail: {bad}.</source>
        <translation>Rader som kan importeras: {ok}. Rader som misslyckas: {bad}.</translation>
    </message>
    <message>
        <source>&amp;Choose a CSV file…</source>
        <translation>&amp;Välj en CSV-fil…</translation>
    </message>
    <message>
        <source>Rows that will fail</source>
        <translation>Rader som misslyckas</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolumn</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>&amp;Import the good rows</source>
        <translation>&amp;Importera de felfria raderna</translation>
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
        <translation>Till kl. {time}</translation>
    </message>
    <message>
        <source>+{duration}</source>
        <translation>+{duration}</translation>
    </message>
    <message>
        <source>Book this room until {time}</source>
        <translation>Boka rummet till kl. {time}</translation>
    </message>
    <message>
        <source>Extend the current booking until {time}</source>
        <translation>Förläng bokningen till kl. {time}</translation>
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
        <translation>Håll ditt passerkort mot läsaren: {action}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Choose an action on the screen first, then tap your badge.</source>
        <translation>Välj först en åtgärd på skärmen och håll sedan ditt passerkort mot läsaren.</translation>
    </message>
    <message>
        <source>Booked {span}. Welcome{who}!</source>
        <translation>Bokat kl. {span}. Välkommen{who}!</translation>
    </message>
    <message>
        <source>Confirmed as soon as the booking system has it.</source>
        <translation>Bokningen bekräftas när bokningssystemet har fått den.</translation>
    </message>
    <message>
        <source>Extended until {time}.</source>
        <translation>Förlängt till kl. {time}.</translation>
    </message>
    <message>
        <source>Booking ended. The room is free. Thank you{who}!</source>
        <translation>Bokningen avslutades. Rummet är ledigt. Tack{who}!</translation>
    </message>
    <message>
        <source>Checked in. Have a good meeting{who}!</source>
        <translation>Du har checkat in. Trevligt möte{who}!</translation>
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
        <translation>Passerkortet kändes inte igen. Fråga personalen.</translation>
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
        <translation>Rummet är bokat från kl. {time}, så tiden räcker inte.</translation>
    </message>
    <message>
        <source>There is no time for that.</source>
        <translation>Tiden räcker inte.</translation>
    </message>
    <message>
        <source>Check-in opens at {time}.</source>
        <translation>Incheckningen öppnar kl. {time}.</translation>
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
        <translation>Bokningen kl. {span} som gjordes vid den här dörren kunde inte bekräftas.</translation>
    </message>
    <message>
        <source>The room was booked elsewhere first.</source>
        <translation>Rummet hann bokas någon annanstans.</translation>
    </message>
    <message>
        <source>The room is booked {span}: {title}.</source>
        <translation>Rummet är bokat kl. {span}: {title}.</translation>
    </message>
    <message>
        <source>The extension until {time} made at this door at {made} could not be saved:</source>
        <translation>Förlängningen till kl. {time} som gjordes vid den här dörren kl. {made} kunde inte sparas:</translation>
    </message>
    <message>
        <source>Ending the meeting at {made} could not be saved:</source>
        <translation>Att mötet avslutades kl. {made} kunde inte sparas:</translation>
    </message>
    <message>
        <source>The check-in at {made} could not be saved:</source>
        <translation>Incheckningen kl. {made} kunde inte sparas:</translation>
    </message>
    <message>
        <source>the room is booked then.</source>
        <translation>rummet är bokat då.</translation>
    </message>
    <message>
        <source>the room is booked from {time} ({title}).</source>
        <translation>rummet är bokat från kl. {time} ({title}).</translation>
    </message>
    <message>
        <source>the meeting had already ended.</source>
        <translation>mötet hade redan slutat.</translation>
    </message>
    <message>
        <source>the booking was cancelled.</source>
        <translation>bokningen har avbokats.</translation>
    </message>
    <message>
        <source>the booking system did not accept it.</source>
        <translation>bokningssystemet godtog den inte.</translation>
    </message>
</context>
<context>
    <name>DoorMode</name>
    <message>
        <source>The room is reserved for an event {until}, so it cannot be booked now.</source>
        <translation>Rummet är reserverat för ett evenemang {until}, så det kan inte bokas nu.</translation>
    </message>
    <message>
        <source>The room is closed {until}, so it cannot be booked now.</source>
        <translation>Rummet är stängt {until}, så det kan inte bokas nu.</translation>
    </message>
    <message>
        <source>Join online</source>
        <translation>Delta på distans</translation>
    </message>
    <message>
        <source>QR code to join the event online</source>
        <translation>QR-kod för att delta i evenemanget på distans</translation>
    </message>
    <message>
        <source>Scan the code with your phone</source>
        <translation>Skanna koden med din telefon</translation>
    </message>
    <message>
        <source>The whole Lab is in event use.</source>
        <translation>Hela Labbet används för ett evenemang.</translation>
    </message>
    <message>
        <source>The whole Lab is closed.</source>
        <translation>Hela Labbet är stängt.</translation>
    </message>
    <message>
        <source>Event from {time}: {title}</source>
        <translation>Evenemang från kl. {time}: {title}</translation>
    </message>
    <message>
        <source>Event from {time}</source>
        <translation>Evenemang från kl. {time}</translation>
    </message>
    <message>
        <source>Closed from {time}: {title}</source>
        <translation>Stängt från kl. {time}: {title}</translation>
    </message>
    <message>
        <source>Closed from {time}</source>
        <translation>Stängt från kl. {time}</translation>
    </message>
    <message>
        <source>Event starts in {duration}</source>
        <translation>Evenemanget börjar om {duration}</translation>
    </message>
    <message>
        <source>Closes in {duration}</source>
        <translation>Stänger om {duration}</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <source>Room status</source>
        <extracomment>A touch while an event or closure applies: the controller says why nothing is offered.</extracomment>
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
        <source>Waiting for room {room}</source>
        <translation>Väntar på rummet {room}</translation>
    </message>
    <message>
        <source>This room has not been synced yet</source>
        <translation>Rummets uppgifter har inte synkats än</translation>
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
        <translation>Ledigt igen från kl. {time}</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>Snart ledigt</translation>
    </message>
    <message>
        <source>until further notice</source>
        <extracomment>Shown on an event door in all three languages at once (not translated). Shown on a closed door in all three languages at once (not translated).</extracomment>
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
        <translation>Nattläge: tryck på skärmen för att väcka den</translation>
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
        <source>Save and print</source>
        <translation>Spara och skriv ut</translation>
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
    <message>
        <source>Printing on {printer}…</source>
        <translation>Skriver ut på {printer}…</translation>
    </message>
    <message>
        <source>Printed on {printer}.</source>
        <translation>Utskriven på {printer}.</translation>
    </message>
    <message>
        <source>Not printed on {printer} ({reason}).</source>
        <translation>Inte utskriven på {printer} ({reason}).</translation>
    </message>
    <message>
        <source>Going by e-mail to the hosts on duty ({count}).</source>
        <translation>Skickas per e-post till personalen i tjänst ({count}).</translation>
    </message>
    <message>
        <source>Not e-mailed: nobody is on duty today.</source>
        <translation>Inte skickad per e-post: ingen har tjänst i dag.</translation>
    </message>
    <message>
        <source>Not e-mailed: it could not be queued.</source>
        <translation>Inte skickad per e-post: den kunde inte köas.</translation>
    </message>
</context>
<context>
    <name>EventCheckin</name>
    <message>
        <source>Scan your ticket</source>
        <translation>Skanna din biljett</translation>
    </message>
    <message>
        <source>No ticket? Register here</source>
        <translation>Ingen biljett? Anmäl dig här</translation>
    </message>
    <message>
        <source>Visitors and members: scan your invitation or tap your badge as usual</source>
        <translation>Besökare och medlemmar: visa inbjudans QR-kod eller håll passerkortet mot läsaren som vanligt</translation>
    </message>
    <message>
        <source>Register for {event}</source>
        <translation>Anmäl dig: {event}</translation>
    </message>
    <message>
        <source>Register for the event</source>
        <translation>Anmäl dig till evenemanget</translation>
    </message>
    <message>
        <source>We store your name and organisation to count the event&apos;s guests and to know who is in the building. The data is deleted after {days} days.</source>
        <translation>Vi sparar ditt namn och din organisation för att räkna evenemangets gäster och veta vem som är i huset. Uppgifterna raderas efter {days} dagar.</translation>
    </message>
    <message>
        <source>{count} checked in</source>
        <translation>{count} incheckade</translation>
    </message>
    <message>
        <source>{count} of {capacity} checked in</source>
        <translation>{count} av {capacity} incheckade</translation>
    </message>
    <message>
        <source>The event is full</source>
        <translation>Evenemanget är fullt</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>incheckade</translation>
    </message>
    <message>
        <source>The event is full ({count} / {capacity})</source>
        <translation>Evenemanget är fullt ({count} / {capacity})</translation>
    </message>
    <message>
        <source>Please contact a host.</source>
        <translation>Kontakta personalen i Labbet.</translation>
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
        <source>Enjoy {event}.</source>
        <translation>Trevligt evenemang: {event}.</translation>
    </message>
    <message>
        <source>Already checked in at {time} — welcome back</source>
        <translation>Redan incheckad {time} – välkommen tillbaka</translation>
    </message>
    <message>
        <source>Good to see you again, {name}.</source>
        <translation>Roligt att se dig igen, {name}.</translation>
    </message>
    <message>
        <source>Your ticket was counted at your first entry.</source>
        <translation>Din biljett har redan räknats.</translation>
    </message>
    <message>
        <source>It is for {event} on {date}.</source>
        <translation>Den gäller {event} ({date}).</translation>
    </message>
    <message>
        <source>This ticket is for another event</source>
        <translation>Biljetten gäller ett annat evenemang</translation>
    </message>
    <message>
        <source>There is no event right now</source>
        <translation>Just nu pågår inget evenemang</translation>
    </message>
    <message>
        <source>Please come back at the time on your ticket, or contact a host.</source>
        <translation>Kom tillbaka vid tiden på biljetten eller kontakta personalen i Labbet.</translation>
    </message>
    <message>
        <source>This code is not a ticket</source>
        <translation>Koden är inte en biljett</translation>
    </message>
    <message>
        <source>Please show the QR code of your ticket or invitation.</source>
        <translation>Visa QR-koden på din biljett eller inbjudan.</translation>
    </message>
    <message>
        <source>This ticket has been withdrawn</source>
        <translation>Biljetten har återkallats</translation>
    </message>
    <message>
        <source>This ticket is valid from {time}.</source>
        <translation>Biljetten gäller från kl. {time}.</translation>
    </message>
    <message>
        <source>This ticket is for {date}.</source>
        <translation>Biljetten gäller {date}.</translation>
    </message>
    <message>
        <source>Please come back then.</source>
        <translation>Välkommen då.</translation>
    </message>
    <message>
        <source>This ticket is no longer valid</source>
        <translation>Biljetten gäller inte längre</translation>
    </message>
    <message>
        <source>It was valid until {time}.</source>
        <translation>Den gällde till {time}.</translation>
    </message>
    <message>
        <source>This event is for ticket holders only</source>
        <translation>Evenemanget är endast för biljettinnehavare</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>&amp;Where</source>
        <translation>&amp;Var</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>&amp;Börjar</translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation>&amp;Slutar</translation>
    </message>
    <message>
        <source>&amp;Capacity (0: no limit)</source>
        <translation>&amp;Max antal (0: ingen gräns)</translation>
    </message>
    <message>
        <source>&amp;Walk-ins welcome</source>
        <translation>&amp;Besökare utan biljett välkomna</translation>
    </message>
    <message>
        <source>Title ({language})</source>
        <translation>Rubrik ({language})</translation>
    </message>
    <message>
        <source>Description ({language})</source>
        <translation>Beskrivning ({language})</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Hela Labbet</translation>
    </message>
    <message>
        <source>Write the title in Finnish at least.</source>
        <translation>Skriv rubriken åtminstone på finska.</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>Evenemanget slutar innan det börjar.</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nytt evenemang</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Redigera evenemanget</translation>
    </message>
</context>
<context>
    <name>EventTickets</name>
    <message>
        <source>Tickets to import</source>
        <translation>Biljetter att importera</translation>
    </message>
    <message>
        <source>Tickets for the chosen event from a CSV file with the columns {columns}. It is checked first: rows that would fail are listed with the reason, and only the good rows are imported.</source>
        <translation>Biljetter till det valda evenemanget från en CSV-fil med kolumnerna {columns}. Filen kontrolleras först: rader som skulle misslyckas visas med orsaken, och bara de felfria raderna importeras.</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation>Evenemang</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Hela Labbet</translation>
    </message>
    <message>
        <source>{count} / {capacity}</source>
        <translation>{count} / {capacity}</translation>
    </message>
    <message>
        <source>Event saved.</source>
        <translation>Evenemanget har sparats.</translation>
    </message>
    <message>
        <source>Tickets imported: {made}. Rows refused: {refused}.</source>
        <translation>Importerade biljetter: {made}. Avvisade rader: {refused}.</translation>
    </message>
    <message>
        <source>Choose an event to see its check-ins.</source>
        <translation>Välj ett evenemang för att se incheckningarna.</translation>
    </message>
    <message>
        <source>Checked in: {count}</source>
        <translation>Incheckade: {count}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Incheckade</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;Nytt evenemang</translation>
    </message>
    <message>
        <source>Sa&amp;ve the event</source>
        <translation>&amp;Spara evenemanget</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Very unhappy</source>
        <translation>Mycket missnöjd</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Missnöjd</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Nöjd</translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation>Mycket nöjd</translation>
    </message>
    <message>
        <source>How was the event?</source>
        <translation>Hur var evenemanget?</translation>
    </message>
    <message>
        <source>How was {event}?</source>
        <translation>Hur var {event}?</translation>
    </message>
    <message>
        <source>How was your visit today?</source>
        <translation>Hur var ditt besök i dag?</translation>
    </message>
    <message>
        <source>How is the Lab working for you?</source>
        <translation>Hur fungerar Labbet för dig?</translation>
    </message>
    <message>
        <source>Add a comment (optional)</source>
        <translation>Lägg till en kommentar (frivilligt)</translation>
    </message>
    <message>
        <source>Sign with my name ({name})</source>
        <translation>Underteckna med mitt namn ({name})</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Thank you for your feedback!</source>
        <translation>Tack för din respons!</translation>
    </message>
    <message>
        <source>Tap {done} to choose a face. Your answer is anonymous.</source>
        <translation>Tryck på {done} och välj en smiley. Ditt svar är anonymt.</translation>
    </message>
    <message>
        <source>Tap a face. Your answer is anonymous.</source>
        <translation>Välj en smiley. Ditt svar är anonymt.</translation>
    </message>
    <message>
        <source>Your name will be shown to the Lab&apos;s hosts.</source>
        <translation>Ditt namn visas för Labbets personal.</translation>
    </message>
    <message>
        <source>Sent by itself in {seconds} s, or tap Send.</source>
        <translation>Skickas om {seconds} s, eller tryck på Skicka.</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Fleet</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Tyst</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>I ordning</translation>
    </message>
    <message>
        <source>{state}, disk full</source>
        <translation>{state}, disken full</translation>
    </message>
    <message>
        <source>{total} kiosks, {silent} silent</source>
        <translation>{total} kiosker, {silent} tysta</translation>
    </message>
    <message>
        <source>lobby</source>
        <translation>lobby</translation>
    </message>
    <message>
        <source>door</source>
        <translation>dörr</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>ansluten</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>återansluter</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fel</translation>
    </message>
    <message>
        <source>noisy</source>
        <translation>störningar</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stoppad</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>Kiosker</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Senast hörd</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Läsare</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Utkorg</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avvisade</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Dubbletter</translation>
    </message>
</context>
<context>
    <name>HereToday</name>
    <message>
        <source>Today&apos;s hosts: {names}</source>
        <translation>I tjänst i dag: {names}</translation>
    </message>
    <message>
        <source>No hosts are on duty today.</source>
        <translation>Ingen personal har tjänst i dag.</translation>
    </message>
    <message>
        <source>Here today</source>
        <translation>Här i dag</translation>
    </message>
    <message>
        <source>Colleagues from different agencies who would like to meet. Say hello!</source>
        <translation>Kolleger från olika myndigheter som gärna vill träffas. Säg hej!</translation>
    </message>
    <message>
        <source>Nobody is on the board right now. Members can join after tapping their badge.</source>
        <translation>Ingen finns på tavlan just nu. Medlemmar kan gå med när de har hållit sitt passerkort mot läsaren.</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Fler</translation>
    </message>
    <message>
        <source>Show more people</source>
        <translation>Visa fler personer</translation>
    </message>
    <message>
        <source>You are on the Here today board</source>
        <translation>Du finns på tavlan Här i dag</translation>
    </message>
    <message>
        <source>Show me on the Here today board</source>
        <translation>Visa mig på tavlan Här i dag</translation>
    </message>
</context>
<context>
    <name>HostCall</name>
    <message>
        <source>The call did not go through</source>
        <translation>Begäran om hjälp gick inte fram</translation>
    </message>
    <message>
        <source>Nothing was sent. Please ask someone nearby, or try again.</source>
        <translation>Inget skickades. Fråga någon i närheten eller försök igen.</translation>
    </message>
    <message>
        <source>{name} is on the way</source>
        <translation>{name} är på väg</translation>
    </message>
    <message>
        <source>Please wait here. Thank you for your patience!</source>
        <translation>Vänta här. Tack för ditt tålamod!</translation>
    </message>
    <message>
        <source>A host has been called</source>
        <translation>Personalen har fått besked</translation>
    </message>
    <message>
        <source>Called at {time}. A host will come to meet you here.</source>
        <translation>Meddelat kl. {time}. Någon ur personalen kommer och möter dig här.</translation>
    </message>
    <message>
        <source>Calling a host…</source>
        <translation>Meddelar personalen…</translation>
    </message>
    <message>
        <source>Host calls</source>
        <translation>Begäran om hjälp</translation>
    </message>
    <message>
        <source>Nobody is waiting for a host.</source>
        <translation>Ingen väntar på hjälp.</translation>
    </message>
    <message>
        <source>Lobby</source>
        <translation>Lobbyn</translation>
    </message>
    <message>
        <source>Lobby {number}</source>
        <translation>Lobby {number}</translation>
    </message>
    <message>
        <source>{place} at {time}: I&apos;m on my way</source>
        <translation>{place} kl. {time}: jag är på väg</translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <source>Title shown on the doors</source>
        <translation>Rubrik som visas på dörrarna</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Back to the host panel</source>
        <translation>Tillbaka till personalpanelen</translation>
    </message>
    <message>
        <source>No PIN has been set for you yet. Ask an administrator to set one.</source>
        <translation>Ingen PIN-kod har ännu satts för dig. Be en administratör att sätta en.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The host panel is locked until %1.</source>
        <translation>För många fel PIN-koder. Personalpanelen är låst till kl. %1.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: no connection to the Lab&apos;s server. Try again in a moment.</source>
        <translation>PIN-koden kunde inte kontrolleras: ingen förbindelse till Labbets server. Försök igen om en stund.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before the panel locks.</source>
        <translation>Fel PIN-kod. %1 försök kvar innan panelen låses.</translation>
    </message>
    <message>
        <source>The switch could not be saved. Nothing was changed.</source>
        <translation>Bytet kunde inte sparas. Inget ändrades.</translation>
    </message>
    <message>
        <source>the whole Lab</source>
        <translation>hela Labbet</translation>
    </message>
    <message>
        <source>Done: %1 is back to normal.</source>
        <translation>Klart: %1 är tillbaka i normalläge.</translation>
    </message>
    <message>
        <source>Done: event mode in %1 from %3 to %2.</source>
        <translation>Klart: evenemangsläge i %1 kl. %3–%2.</translation>
    </message>
    <message>
        <source>Done: %1 closed from %3 to %2.</source>
        <translation>Klart: %1 stängt kl. %3–%2.</translation>
    </message>
    <message>
        <source>Done: event mode in %1 until %2.</source>
        <translation>Klart: evenemangsläge i %1 till kl. %2.</translation>
    </message>
    <message>
        <source>Done: %1 closed until %2.</source>
        <translation>Klart: %1 stängt till kl. %2.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Något gick fel. Försök igen.</translation>
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
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Host calls</source>
        <translation>Begäran om hjälp</translation>
    </message>
    <message>
        <source>Host calls: %1 waiting</source>
        <translation>Begäran om hjälp: %1 väntar</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Rubrik: %1</translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation>Lägg till en rubrik</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 till kl. %2</translation>
    </message>
    <message>
        <source>Host panel</source>
        <translation>Personalpanel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Close the host panel</source>
        <translation>Stäng personalpanelen</translation>
    </message>
    <message>
        <source>Who is in</source>
        <translation>Vilka är här</translation>
    </message>
    <message>
        <source>Evacuation list: everyone in the building</source>
        <translation>Utrymningslista: alla i byggnaden</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Hela Labbet</translation>
    </message>
    <message>
        <source>Switch to</source>
        <translation>Byt till</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Börjar</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>Varar</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>In 30 min</source>
        <translation>Om 30 min</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>Om en timme</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 timme</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 timmar</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 timmar</translation>
    </message>
    <message>
        <source>Rest of the day</source>
        <translation>Dagen ut</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Byt</translation>
    </message>
    <message>
        <source>Switch the chosen rooms</source>
        <translation>Byt läge för de valda rummen</translation>
    </message>
    <message>
        <source>Prepared for today: start now</source>
        <translation>Förberett för i dag – starta nu</translation>
    </message>
    <message>
        <source>Start the event %1 now</source>
        <translation>Starta evenemanget %1 nu</translation>
    </message>
</context>
<context>
    <name>InviteForm</name>
    <message>
        <source>Visitor&apos;s &amp;name</source>
        <translation>Besökarens &amp;namn</translation>
    </message>
    <message>
        <source>&amp;Organisation (if any)</source>
        <translation>&amp;Organisation (om någon)</translation>
    </message>
    <message>
        <source>Visitor&apos;s &amp;e-mail</source>
        <translation>Besökarens &amp;e-post</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Värd</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>&amp;Första dagen</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>&amp;Sista dagen</translation>
    </message>
    <message>
        <source>E-mail&apos;s l&amp;anguage</source>
        <translation>E-postens s&amp;pråk</translation>
    </message>
    <message>
        <source>Write the visitor&apos;s name.</source>
        <translation>Skriv besökarens namn.</translation>
    </message>
    <message>
        <source>Write the visitor&apos;s e-mail address.</source>
        <translation>Skriv besökarens e-postadress.</translation>
    </message>
    <message>
        <source>Choose the host.</source>
        <translation>Välj värd.</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Sista dagen är före den första.</translation>
    </message>
    <message>
        <source>The visitor gets an e-mail with a QR code for the lobby, in the language you choose, and you are told when they arrive.</source>
        <translation>Besökaren får ett e-postmeddelande med en QR-kod för lobbyn på det språk du väljer, och du får veta när hen kommer.</translation>
    </message>
    <message>
        <source>&amp;Send the invitation</source>
        <translation>&amp;Skicka inbjudan</translation>
    </message>
</context>
<context>
    <name>InviteMany</name>
    <message>
        <source>Invitations to import</source>
        <translation>Inbjudningar att importera</translation>
    </message>
    <message>
        <source>A CSV file with the columns {columns}. It is checked first: rows that would fail are listed with the reason, and only the good rows are imported.</source>
        <translation>En CSV-fil med kolumnerna {columns}. Den kontrolleras först: rader som skulle misslyckas visas med orsaken, och bara de felfria raderna importeras.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Caps Lock</source>
        <translation>Versallås</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Skift</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backsteg</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Mellanslag</translation>
    </message>
    <message>
        <source>Numbers and symbols</source>
        <translation>Siffror och tecken</translation>
    </message>
    <message>
        <source>Accented letters</source>
        <translation>Bokstäver med accent</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Bokstäver</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Hide the keyboard</source>
        <translation>Dölj tangentbordet</translation>
    </message>
</context>
<context>
    <name>LabHome</name>
    <message>
        <source>Give feedback</source>
        <translation>Ge respons</translation>
    </message>
    <message>
        <source>Here today</source>
        <translation>Här i dag</translation>
    </message>
    <message>
        <source>Call a host</source>
        <translation>Be om hjälp</translation>
    </message>
</context>
<context>
    <name>LobbyScreen</name>
    <message>
        <source>Check-in</source>
        <translation>Incheckning</translation>
    </message>
    <message>
        <source>Host panel</source>
        <translation>Personalpanel</translation>
    </message>
    <message>
        <source>Host panel: type your PIN to open it</source>
        <translation>Personalpanel: ange din PIN-kod för att öppna den</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Tillbaka till början</translation>
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
        <source>No invitation? Register here</source>
        <translation>Ingen inbjudan? Anmäl dig här</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Checka ut</translation>
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
        <translation>Passerkortet kändes inte igen</translation>
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
        <translation>Redan incheckad {time}</translation>
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
    <name>MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Stäng meddelandet</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>%1 digits typed</source>
        <translation>%1 siffror inmatade</translation>
    </message>
    <message>
        <source>Hello %1, type your PIN</source>
        <translation>Hej %1, ange din PIN-kod</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Ange din PIN-kod</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation>Bekräfta PIN-koden</translation>
    </message>
    <message>
        <source>Erase a digit</source>
        <translation>Radera en siffra</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Usage report</source>
        <translation>Användningsrapport</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <source>Made {when}. Figures are aggregates; the report names no one.</source>
        <translation>Gjord {when}. Siffrorna är sammanställningar; rapporten nämner ingen vid namn.</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>besök</translation>
    </message>
    <message>
        <source>visits by members</source>
        <translation>besök av medlemmar</translation>
    </message>
    <message>
        <source>visits by visitors</source>
        <translation>besök av besökare</translation>
    </message>
    <message>
        <source>rooms booked</source>
        <translation>bokningsgrad för rummen</translation>
    </message>
    <message>
        <source>events</source>
        <translation>evenemang</translation>
    </message>
    <message>
        <source>feedback answers</source>
        <translation>svar på responsen</translation>
    </message>
    <message>
        <source>Visits per day</source>
        <translation>Besök per dag</translation>
    </message>
    <message>
        <source>Visits per week</source>
        <translation>Besök per vecka</translation>
    </message>
    <message>
        <source>{total} visits in all: {members} by members, {visitors} by visitors.</source>
        <translation>Sammanlagt {total} besök: {members} av medlemmar, {visitors} av besökare.</translation>
    </message>
    <message>
        <source> Busiest day {day}: {count} visits.</source>
        <translation> Livligaste dagen {day}: {count} besök.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medlemmar</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Besökare</translation>
    </message>
    <message>
        <source>Busiest hours</source>
        <translation>Livligaste timmarna</translation>
    </message>
    <message>
        <source>Arrivals by weekday and hour of day, {total} in all.</source>
        <translation>Ankomster per veckodag och timme, sammanlagt {total}.</translation>
    </message>
    <message>
        <source> Most arrivals on {day} at {hour}: {count}.</source>
        <translation> Flest ankomster på {day} kl. {hour}: {count}.</translation>
    </message>
    <message>
        <source>Number in a cell: people who arrived in that hour, over the whole period.</source>
        <translation>Talet i en ruta: personer som kom under den timmen, under hela perioden.</translation>
    </message>
    <message>
        <source>Room utilisation</source>
        <translation>Rummens användningsgrad</translation>
    </message>
    <message>
        <source>Booked and used hours as a share of opening hours ({hours} h per room).</source>
        <translation>Bokade och använda timmar av öppettiden ({hours} h per rum).</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Bokat</translation>
    </message>
    <message>
        <source>Used (checked in at the door)</source>
        <translation>Använt (incheckning vid dörren)</translation>
    </message>
    <message>
        <source>{share} · {hours} h</source>
        <translation>{share} · {hours} h</translation>
    </message>
    <message>
        <source>Events and attendance</source>
        <translation>Evenemang och deltagare</translation>
    </message>
    <message>
        <source>{count} events, {checkins} attendees.</source>
        <translation>{count} evenemang, {checkins} deltagare.</translation>
    </message>
    <message>
        <source>{checkins} / {capacity} places</source>
        <translation>{checkins} / {capacity} platser</translation>
    </message>
    <message>
        <source>{checkins} checked in</source>
        <translation>{checkins} incheckade</translation>
    </message>
    <message>
        <source>{tickets} tickets</source>
        <translation>{tickets} biljetter</translation>
    </message>
    <message>
        <source>no capacity set</source>
        <translation>inget antal platser</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Incheckade</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Antal platser</translation>
    </message>
    <message>
        <source>And {count} more events (see --json).</source>
        <translation>Dessutom {count} evenemang (se --json).</translation>
    </message>
    <message>
        <source>Feedback per week</source>
        <translation>Respons per vecka</translation>
    </message>
    <message>
        <source>Feedback per month</source>
        <translation>Respons per månad</translation>
    </message>
    <message>
        <source>Feedback by where it was given</source>
        <translation>Respons enligt var den gavs</translation>
    </message>
    <message>
        <source>{total} answers, {comments} comments.</source>
        <translation>{total} svar, {comments} kommentarer.</translation>
    </message>
    <message>
        <source>no answers</source>
        <translation>inga svar</translation>
    </message>
    <message>
        <source>n = {n}</source>
        <translation>{n} svar</translation>
    </message>
    <message>
        <source>1 very unhappy</source>
        <translation>1 mycket missnöjd</translation>
    </message>
    <message>
        <source>2 unhappy</source>
        <translation>2 missnöjd</translation>
    </message>
    <message>
        <source>3 happy</source>
        <translation>3 nöjd</translation>
    </message>
    <message>
        <source>4 very happy</source>
        <translation>4 mycket nöjd</translation>
    </message>
    <message>
        <source>Lobby home screen</source>
        <translation>Lobbyns startskärm</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Utcheckning</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evenemang</translation>
    </message>
    <message>
        <source>wk {week}</source>
        <translation>v. {week}</translation>
    </message>
    <message>
        <source>No data for this period.</source>
        <translation>Inga uppgifter för den här perioden.</translation>
    </message>
    <message>
        <source>There were no events in this period.</source>
        <translation>Under perioden fanns inga evenemang.</translation>
    </message>
    <message>
        <source>No rooms are set up.</source>
        <translation>Inga rum har lagts upp.</translation>
    </message>
    <message>
        <source>No feedback was given in this period.</source>
        <translation>Ingen respons gavs under perioden.</translation>
    </message>
    <message>
        <source>How these figures were computed</source>
        <translation>Hur siffrorna har räknats</translation>
    </message>
    <message>
        <source>A visit is a check-in of a member or a visitor on a local day ({tz}); a person counts once per day, at their first arrival. Hosts and admins are staff and do not count. A visitor is known by their visitor record, else by their invitation; otherwise the check-in counts on its own.</source>
        <translation>Ett besök är en medlems eller besökares incheckning under en lokal dag ({tz}); samma person räknas en gång per dag, vid sin första ankomst. Personalens och administratörernas incheckningar är inte besök. En besökare känns igen på sina besöksuppgifter, annars på sin inbjudan; annars räknas incheckningen för sig.</translation>
    </message>
    <message>
        <source>Busiest hours: each visit counts in the cell of its first arrival&apos;s weekday and hour, so the cells add up to the number of visits.</source>
        <translation>Livligaste timmarna: varje besök räknas i rutan för den första ankomstens veckodag och timme, så rutorna blir sammanlagt lika många som besöken.</translation>
    </message>
    <message>
        <source>Opening hours: {opening}. Booked hours: confirmed, provisional and released (no-show) bookings, clipped to opening hours, overlaps counted once. Used hours: bookings someone checked in to at the door, from start to their (possibly shortened) end. Utilisation = hours / opening hours.</source>
        <translation>Öppettid: {opening}. Bokade timmar: bekräftade, preliminära och frigjorda (uteblivna) bokningar inom öppettiden, överlappningar en gång. Använda timmar: bokningar som någon checkade in till vid dörren, från början till det (kanske tidigarelagda) slutet. Användningsgrad = timmar / öppettimmar.</translation>
    </message>
    <message>
        <source>An event belongs to the period when it starts in it. Checked in: the distinct people whose check-in names the event. Tickets: its event-ticket invitations not withdrawn.</source>
        <translation>Ett evenemang hör till perioden om det börjar under den. Incheckade: de olika personer vars incheckning anger evenemanget. Biljetter: evenemangets biljettinbjudningar som inte har återkallats.</translation>
    </message>
    <message>
        <source>Feedback: each answer (faces 1–4) counts by its local ISO week (month, for long periods) and by where it was given. Comments are only counted, never shown: they may contain names.</source>
        <translation>Respons: varje svar (ansikten 1–4) räknas enligt sin lokala ISO-vecka (månad, för långa perioder) och enligt var det gavs. Kommentarerna räknas bara men visas aldrig, eftersom de kan innehålla namn.</translation>
    </message>
    <message>
        <source>Every number in the charts: the same command with --json.</source>
        <translation>Alla siffror i diagrammen: samma kommando med --json.</translation>
    </message>
</context>
<context>
    <name>ReportMonth</name>
    <message>
        <source>Jan</source>
        <translation>januari</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>februari</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>april</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>juni</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>juli</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>augusti</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>september</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oktober</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>november</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>december</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Från</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>Feedback and report</source>
        <translation>Respons och rapport</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Sista dagen är före den första.</translation>
    </message>
    <message>
        <source>Answers: {total}. Very unhappy {s1} · Unhappy {s2} · Happy {s3} · Very happy {s4}</source>
        <translation>Svar: {total}. Mycket missnöjd {s1} · Missnöjd {s2} · Nöjd {s3} · Mycket nöjd {s4}</translation>
    </message>
    <message>
        <source>Very unhappy</source>
        <translation>Mycket missnöjd</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Missnöjd</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Nöjd</translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation>Mycket nöjd</translation>
    </message>
    <message>
        <source>lobby</source>
        <translation>lobby</translation>
    </message>
    <message>
        <source>check-out</source>
        <translation>utcheckning</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Rapporten görs…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Spara rapporten</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Sparad: {path}</translation>
    </message>
    <message>
        <source>Saved: {path}. No program to open it was found.</source>
        <translation>Sparad: {path}. Inget program som kan öppna den hittades.</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Respons</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Show the &amp;feedback</source>
        <translation>&amp;Visa responsen</translation>
    </message>
    <message>
        <source>Usage report</source>
        <translation>Användningsrapport</translation>
    </message>
    <message>
        <source>&amp;Make and open</source>
        <translation>&amp;Gör och öppna</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>Spara s&amp;om…</translation>
    </message>
</context>
<context>
    <name>ReportWeekday</name>
    <message>
        <source>Mon</source>
        <translation>mån</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>tis</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>tors</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>lör</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>sön</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>måndagar</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>tisdagar</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>onsdagar</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>torsdagar</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>fredagar</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lördagar</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>söndagar</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>&amp;Room or the whole Lab</source>
        <translation>&amp;Rum eller hela Labbet</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>&amp;Läge</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Till</translation>
    </message>
    <message>
        <source>&amp;Event&apos;s name (shown on the doors)</source>
        <translation>&amp;Evenemangets namn (visas på dörrarna)</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rum</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Hela Labbet</translation>
    </message>
    <message>
        <source>{mode} until {time}</source>
        <translation>{mode} till {time}</translation>
    </message>
    <message>
        <source>Now: {mode}</source>
        <translation>Nu: {mode}</translation>
    </message>
    <message>
        <source>Week {number}: {first} – {last}</source>
        <translation>Vecka {number}: {first} – {last}</translation>
    </message>
    <message>
        <source>Booked (private)</source>
        <translation>Bokat (privat)</translation>
    </message>
    <message>
        <source>No bookings this week.</source>
        <translation>Inga bokningar den här veckan.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Välj en tid i framtiden.</translation>
    </message>
    <message>
        <source>Switch {where} to event mode until {time}?</source>
        <translation>Växla {where} till evenemangsläge till {time}?</translation>
    </message>
    <message>
        <source>Close {where} until {time}?</source>
        <translation>Stänga {where} till {time}?</translation>
    </message>
    <message>
        <source>Switch {where} to normal until {time}?</source>
        <translation>Växla {where} till normalt läge till {time}?</translation>
    </message>
    <message>
        <source>Switch the mode</source>
        <translation>Växla läge</translation>
    </message>
    <message>
        <source>Switched: {where} is now {mode}.</source>
        <translation>Växlat: {where} – {mode}.</translation>
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
        <source>Normal</source>
        <translation>Normalt</translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation>R&amp;um</translation>
    </message>
    <message>
        <source>&amp;Previous week</source>
        <translation>&amp;Föregående vecka</translation>
    </message>
    <message>
        <source>Ne&amp;xt week</source>
        <translation>Nä&amp;sta vecka</translation>
    </message>
    <message>
        <source>Bookings this week</source>
        <translation>Veckans bokningar</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Switch a room or the whole Lab</source>
        <translation>Växla läge för ett rum eller hela Labbet</translation>
    </message>
    <message>
        <source>S&amp;witch…</source>
        <translation>&amp;Växla…</translation>
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
        <source>Reader {name} is receiving interference. Please tell a host.</source>
        <translation>Läsaren {name} tar emot störningar. Meddela personalen.</translation>
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
        <source>Another screen uses this kiosk&apos;s id ({kiosk}). Please tell a host.</source>
        <translation>En annan skärm använder den här kioskens id ({kiosk}). Meddela personalen.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s disk is full. Please tell a host.</source>
        <translation>Den här enhetens disk är full. Meddela personalen.</translation>
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
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>Är du kvar?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>This form will be cleared in {seconds} s.</source>
        <translation>Formuläret töms om {seconds} s.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Expected visitors ({count})</source>
        <translation>Väntade besökare ({count})</translation>
    </message>
    <message>
        <source>In the Lab now ({count})</source>
        <translation>I Labbet nu ({count})</translation>
    </message>
    <message>
        <source>in since {time}</source>
        <translation>inne sedan kl. {time}</translation>
    </message>
    <message>
        <source>came at {time}, left</source>
        <translation>kom kl. {time}, har gått</translation>
    </message>
    <message>
        <source>invitation revoked</source>
        <translation>inbjudan återkallad</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>väntas</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>besökare</translation>
    </message>
    <message>
        <source>member</source>
        <translation>medlem</translation>
    </message>
    <message>
        <source>Invitation made for {name}; the e-mail is on its way.</source>
        <translation>Inbjudan gjord: {name}. E-postmeddelandet är på väg.</translation>
    </message>
    <message>
        <source>Invitations made: {made}; e-mails on their way: {emails}.</source>
        <translation>Inbjudningar gjorda: {made}. E-postmeddelanden på väg: {emails}.</translation>
    </message>
    <message>
        <source>Today in the Lab</source>
        <translation>I dag i Labbet</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Expected visitors</source>
        <translation>Väntade besökare</translation>
    </message>
    <message>
        <source>In the Lab now</source>
        <translation>I Labbet nu</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Värd</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sedan</translation>
    </message>
    <message>
        <source>Invite a visitor</source>
        <translation>Bjud in en besökare</translation>
    </message>
    <message>
        <source>Invite many</source>
        <translation>Bjud in flera</translation>
    </message>
</context>
<context>
    <name>VisitorForm</name>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation>Organisation (frivilligt)</translation>
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
        <source>Please accept the privacy notice.</source>
        <translation>Godkänn dataskyddsmeddelandet.</translation>
    </message>
</context>
<context>
    <name>Walkin</name>
    <message>
        <source>Register as a visitor</source>
        <translation>Anmäl dig som besökare</translation>
    </message>
    <message>
        <source>Who are you here to see?</source>
        <translation>Vem besöker du?</translation>
    </message>
    <message>
        <source>We store your name, organisation and host to know who is in the building and to tell your host that you arrived. The data is deleted after {days} days.</source>
        <translation>Vi sparar ditt namn, din organisation och din värd för att veta vem som är i byggnaden och för att meddela din värd att du har kommit. Uppgifterna raderas efter {days} dagar.</translation>
    </message>
    <message>
        <source>Please choose who you are here to see.</source>
        <translation>Välj vem du besöker.</translation>
    </message>
</context>
</TS>
