<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>Checkout</name>
    <message>
        <source>Check out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Tap your name. With an invitation, you can also scan it again.</source>
        <translation>Napauta nimeäsi. Jos sinulla on kutsu, voit myös näyttää sen uudelleen.</translation>
    </message>
    <message>
        <source>No visitors are checked in. Members check out with their badge.</source>
        <translation>Sisällä ei ole vieraita. Jäsenet kirjautuvat ulos kulkukortilla.</translation>
    </message>
    <message>
        <source>in since {time}</source>
        <translation>sisällä klo {time} alkaen</translation>
    </message>
</context>
<context>
    <name>ConsoleProblem</name>
    <message>
        <source>Your staff credential is no longer valid. Ask IT for a new one.</source>
        <translation>Henkilökunnan tunnuksesi ei ole enää voimassa. Pyydä IT-tuelta uusi.</translation>
    </message>
    <message>
        <source>Offline: the Lab&apos;s service cannot be reached. What you see may be out of date.</source>
        <translation>Ei yhteyttä: Labin palveluun ei saada yhteyttä. Näkemäsi tiedot voivat olla vanhentuneita.</translation>
    </message>
    <message>
        <source>Not done. {reason}</source>
        <translation>Ei tehty. {reason}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Jokin meni vikaan: {error}</translation>
    </message>
</context>
<context>
    <name>ConsoleRefusal</name>
    <message>
        <source>The visitor&apos;s name is missing.</source>
        <translation>Vieraan nimi puuttuu.</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters.</source>
        <translation>Nimi on yli {limit} merkkiä pitkä.</translation>
    </message>
    <message>
        <source>The organisation is longer than {limit} characters.</source>
        <translation>Organisaation nimi on yli {limit} merkkiä pitkä.</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Loppu on ennen alkua.</translation>
    </message>
    <message>
        <source>The end is already in the past.</source>
        <translation>Loppu on jo mennyt.</translation>
    </message>
    <message>
        <source>An invitation can be valid for one year at most.</source>
        <translation>Kutsu voi olla voimassa enintään vuoden.</translation>
    </message>
    <message>
        <source>{host} no longer receives visitors: choose another host.</source>
        <translation>{host} ei enää ota vastaan vieraita: valitse toinen vastaanottaja.</translation>
    </message>
    <message>
        <source>No host “{host}” is known at the Lab.</source>
        <translation>Labissa ei tunneta vastaanottajaa ”{host}”.</translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address.</source>
        <translation>”{address}” ei ole sähköpostiosoite.</translation>
    </message>
    <message>
        <source>The e-mail&apos;s language must be Finnish, Swedish or English.</source>
        <translation>Sähköpostin kielen on oltava suomi, ruotsi tai englanti.</translation>
    </message>
    <message>
        <source>The service has no sender address for e-mails. Ask IT to set one.</source>
        <translation>Palvelulla ei ole sähköpostien lähettäjäosoitetta. Pyydä IT-tukea asettamaan se.</translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is not yes or no.</source>
        <translation>Sarake {column}: ”{value}” ei ole kyllä tai ei.</translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is not a date like 2026-11-27 or 2026-11-27T09:00.</source>
        <translation>Sarake {column}: ”{value}” ei ole päivämäärä muotoa 2026-11-27 tai 2026-11-27T09:00.</translation>
    </message>
    <message>
        <source>Column {column} has an invisible or control character ({char}): remove it and save the file again.</source>
        <translation>Sarakkeessa {column} on näkymätön merkki tai ohjausmerkki ({char}): poista se ja tallenna tiedosto uudelleen.</translation>
    </message>
    <message>
        <source>Column {column} shows nothing: it holds only invisible characters.</source>
        <translation>Sarakkeessa {column} ei näy mitään: siinä on vain näkymättömiä merkkejä.</translation>
    </message>
    <message>
        <source>The row has more fields than the first row.</source>
        <translation>Rivillä on enemmän kenttiä kuin ensimmäisellä rivillä.</translation>
    </message>
    <message>
        <source>The Lab&apos;s database did not accept it.</source>
        <translation>Labin tietokanta ei hyväksynyt sitä.</translation>
    </message>
    <message>
        <source>The invitation card could not be made.</source>
        <translation>Kutsukorttia ei voitu tehdä.</translation>
    </message>
    <message>
        <source>It can start {days} days ahead at most.</source>
        <translation>Alku voi olla enintään {days} päivän päässä.</translation>
    </message>
    <message>
        <source>A date is too far in the past or the future.</source>
        <translation>Päivämäärä on liian kaukana menneisyydessä tai tulevaisuudessa.</translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is outside the years {first} to {last}.</source>
        <translation>Sarake {column}: ”{value}” ei ole vuosien {first}–{last} välillä.</translation>
    </message>
    <message>
        <source>The event&apos;s dates are outside the years {first} to {last}: correct the event first.</source>
        <translation>Tapahtuman päivämäärät eivät ole vuosien {first}–{last} välillä: korjaa tapahtuma ensin.</translation>
    </message>
    <message>
        <source>The service could not check this row because of an error of its own. Ask IT: the service&apos;s log names it.</source>
        <translation>Palvelu ei voinut tarkistaa riviä oman virheensä takia. Kysy IT-tuelta: virhe näkyy palvelun lokissa.</translation>
    </message>
    <message>
        <source>The file is too long: split it into smaller ones.</source>
        <translation>Tiedosto on liian pitkä: jaa se pienempiin tiedostoihin.</translation>
    </message>
    <message>
        <source>The file has more than {limit} rows: split it.</source>
        <translation>Tiedostossa on yli {limit} riviä: jaa se osiin.</translation>
    </message>
    <message>
        <source>The file&apos;s first row must name the columns {columns}.</source>
        <translation>Tiedoston ensimmäisellä rivillä on oltava sarakkeet {columns}.</translation>
    </message>
    <message>
        <source>The file cannot be read at row {line}.</source>
        <translation>Tiedostoa ei voi lukea riviltä {line}.</translation>
    </message>
    <message>
        <source>Write the title in Finnish at least.</source>
        <translation>Kirjoita otsikko ainakin suomeksi.</translation>
    </message>
    <message>
        <source>The title is longer than {limit} characters.</source>
        <translation>Otsikko on yli {limit} merkkiä pitkä.</translation>
    </message>
    <message>
        <source>The description is longer than {limit} characters.</source>
        <translation>Kuvaus on yli {limit} merkkiä pitkä.</translation>
    </message>
    <message>
        <source>The online link must start with http:// or https://.</source>
        <translation>Verkkolinkin on alettava http:// tai https://.</translation>
    </message>
    <message>
        <source>The online link is longer than {limit} characters.</source>
        <translation>Verkkolinkki on yli {limit} merkkiä pitkä.</translation>
    </message>
    <message>
        <source>An event can last {days} days at most.</source>
        <translation>Tapahtuma voi kestää enintään {days} päivää.</translation>
    </message>
    <message>
        <source>You can switch the mode for {days} days at most.</source>
        <translation>Tilan voi vaihtaa enintään {days} päiväksi.</translation>
    </message>
    <message>
        <source>The capacity must be greater than zero.</source>
        <translation>Paikkamäärän on oltava suurempi kuin nolla.</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>Tapahtumaa ei ole enää olemassa.</translation>
    </message>
    <message>
        <source>This event was started at a host panel: change it there.</source>
        <translation>Tapahtuma aloitettiin henkilökunnan paneelista: muuta sitä siellä.</translation>
    </message>
    <message>
        <source>The event is already over.</source>
        <translation>Tapahtuma on jo päättynyt.</translation>
    </message>
    <message>
        <source>The Lab has no room {rooms}.</source>
        <translation>Labissa ei ole huonetta {rooms}.</translation>
    </message>
    <message>
        <source>Only the Lab&apos;s hosts may switch a room&apos;s mode. Ask one of them.</source>
        <translation>Vain Labin henkilökunta voi vaihtaa huoneen tilaa. Pyydä heitä tekemään se.</translation>
    </message>
    <message>
        <source>The room cannot be switched to that mode.</source>
        <translation>Huonetta ei voi vaihtaa tähän tilaan.</translation>
    </message>
    <message>
        <source>This service makes the report as HTML only: choose HTML.</source>
        <translation>Tämä palvelu tekee raportin vain HTML-muodossa: valitse HTML.</translation>
    </message>
    <message>
        <source>The report is made as PDF or HTML.</source>
        <translation>Raportti tehdään PDF- tai HTML-muodossa.</translation>
    </message>
    <message>
        <source>Nothing to report for the period: no visits, bookings, events or feedback.</source>
        <translation>Jaksolta ei ole raportoitavaa: ei käyntejä, varauksia, tapahtumia eikä palautetta.</translation>
    </message>
    <message>
        <source>A period can be {days} days at most.</source>
        <translation>Jakso voi olla enintään {days} päivää.</translation>
    </message>
    <message>
        <source>Your staff credential names no person. Ask IT for a new one.</source>
        <translation>Henkilökunnan tunnuksesi ei ole kenenkään henkilön nimissä. Pyydä IT-tuelta uusi.</translation>
    </message>
    <message>
        <source>The service cannot sign invitations yet. Ask IT to set it up.</source>
        <translation>Palvelu ei vielä voi allekirjoittaa kutsujen koodeja. Pyydä IT-tukea ottamaan allekirjoitus käyttöön.</translation>
    </message>
    <message>
        <source>Too many requests at once: try again in {retry_after} seconds.</source>
        <translation>Liian monta pyyntöä kerralla: yritä uudelleen {retry_after} sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>Something in the form is not valid: check it and try again.</source>
        <translation>Lomakkeessa on jotain virheellistä: tarkista se ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>The chosen host no longer receives visitors: choose another host.</source>
        <translation>Valittu vastaanottaja ei enää ota vastaan vieraita: valitse toinen vastaanottaja.</translation>
    </message>
    <message>
        <source>The chosen host is no longer known at the Lab.</source>
        <translation>Labissa ei enää tunneta valittua vastaanottajaa.</translation>
    </message>
    <message>
        <source>Too many requests at once: try again soon.</source>
        <translation>Liian monta pyyntöä kerralla: yritä pian uudelleen.</translation>
    </message>
    <message>
        <source>The service said no: {reason}</source>
        <translation>Palvelu ei hyväksynyt tätä. Sen syy englanniksi: {reason}</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Lab Kiosk – staff console</source>
        <translation>Lab Kiosk – henkilökunnan konsoli</translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation>Henkilökunnan konsoli</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Kysytään palvelulta…</translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation>Kirjautuneena: {name}</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sivut</translation>
    </message>
</context>
<context>
    <name>CsvCheck</name>
    <message>
        <source>CSV file to import</source>
        <translation>Tuotava CSV-tiedosto</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-tiedostot (*.csv);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Tarkistetaan…</translation>
    </message>
    <message>
        <source>Rows imported: {ok}. Rows refused at the import: {bad}.</source>
        <translation>Tuodut rivit: {ok}. Tuonnissa hylätyt rivit: {bad}.</translation>
    </message>
    <message>
        <source>Rows that can be imported: {ok}. Rows that will fail: {bad}.</source>
        <translation>Tuotavissa olevat rivit: {ok}. Epäonnistuvat rivit: {bad}.</translation>
    </message>
    <message>
        <source>&amp;Choose a CSV file…</source>
        <translation>&amp;Valitse CSV-tiedosto…</translation>
    </message>
    <message>
        <source>Rows that will fail</source>
        <translation>Epäonnistuvat rivit</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rivi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Sarake</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>&amp;Import the good rows</source>
        <translation>&amp;Tuo kunnolliset rivit</translation>
    </message>
</context>
<context>
    <name>DoorActions</name>
    <message>
        <source>Check in</source>
        <translation>Kirjaudu sisään</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>Lopeta nyt</translation>
    </message>
    <message>
        <source>Until {time}</source>
        <translation>Klo {time} asti</translation>
    </message>
    <message>
        <source>+{duration}</source>
        <translation>+{duration}</translation>
    </message>
    <message>
        <source>Book this room until {time}</source>
        <translation>Varaa tämä huone klo {time} asti</translation>
    </message>
    <message>
        <source>Extend the current booking until {time}</source>
        <translation>Jatka nykyistä varausta klo {time} asti</translation>
    </message>
    <message>
        <source>End the current booking now and free the room</source>
        <translation>Lopeta nykyinen varaus nyt ja vapauta huone</translation>
    </message>
    <message>
        <source>Check in to the meeting</source>
        <translation>Kirjaudu kokoukseen</translation>
    </message>
    <message>
        <source>Book now</source>
        <translation>Varaa nyt</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Jatka</translation>
    </message>
    <message>
        <source>Tap your badge on the reader: {action}</source>
        <translation>Näytä kulkukorttia lukijalle: {action}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Choose an action on the screen first, then tap your badge.</source>
        <translation>Valitse ensin toiminto näytöltä ja näytä sitten kulkukorttia lukijalle.</translation>
    </message>
    <message>
        <source>Booked {span}. Welcome{who}!</source>
        <translation>Varattu klo {span}. Tervetuloa{who}!</translation>
    </message>
    <message>
        <source>Confirmed as soon as the booking system has it.</source>
        <translation>Varaus vahvistuu, kun varausjärjestelmä on saanut sen.</translation>
    </message>
    <message>
        <source>Extended until {time}.</source>
        <translation>Varausta jatkettu klo {time} asti.</translation>
    </message>
    <message>
        <source>Booking ended. The room is free. Thank you{who}!</source>
        <translation>Varaus päättyi. Huone on vapaa. Kiitos{who}!</translation>
    </message>
    <message>
        <source>Checked in. Have a good meeting{who}!</source>
        <translation>Kirjauduit kokoukseen. Hyvää kokousta{who}!</translation>
    </message>
    <message>
        <source>Released.</source>
        <translation>Vapautettu.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>This room needs a badge tap for that.</source>
        <translation>Tämä huone vaatii siihen kulkukortin.</translation>
    </message>
    <message>
        <source>Badge not recognised. Please ask a host.</source>
        <translation>Kulkukorttia ei tunnistettu. Kysy apua henkilökunnalta.</translation>
    </message>
    <message>
        <source>That booking has already ended.</source>
        <translation>Varaus on jo päättynyt.</translation>
    </message>
    <message>
        <source>There is no meeting to check in to right now.</source>
        <translation>Nyt ei ole kokousta, johon kirjautua.</translation>
    </message>
    <message>
        <source>That booking is no longer here.</source>
        <translation>Varausta ei enää ole.</translation>
    </message>
    <message>
        <source>The room is not free right now.</source>
        <translation>Huone ei ole nyt vapaa.</translation>
    </message>
    <message>
        <source>The room is booked from {time}, so there is no time for that.</source>
        <translation>Huone on varattu klo {time} alkaen, joten aika ei riitä.</translation>
    </message>
    <message>
        <source>There is no time for that.</source>
        <translation>Aika ei riitä.</translation>
    </message>
    <message>
        <source>Check-in opens at {time}.</source>
        <translation>Kirjautuminen alkaa klo {time}.</translation>
    </message>
    <message>
        <source>This meeting is already checked in.</source>
        <translation>Kokoukseen on jo kirjauduttu.</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved. Please try again.</source>
        <translation>Jokin meni vikaan, eikä mitään tallennettu. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>The booking {span} made at this door could not be confirmed.</source>
        <translation>Tällä ovella tehtyä varausta klo {span} ei voitu vahvistaa.</translation>
    </message>
    <message>
        <source>The room was booked elsewhere first.</source>
        <translation>Huone ehdittiin varata muualta.</translation>
    </message>
    <message>
        <source>The room is booked {span}: {title}.</source>
        <translation>Huone on varattu klo {span}: {title}.</translation>
    </message>
    <message>
        <source>The extension until {time} made at this door at {made} could not be saved:</source>
        <translation>Tällä ovella klo {made} tehtyä jatkoa klo {time} asti ei voitu tallentaa:</translation>
    </message>
    <message>
        <source>Ending the meeting at {made} could not be saved:</source>
        <translation>Kokouksen päättämistä klo {made} ei voitu tallentaa:</translation>
    </message>
    <message>
        <source>The check-in at {made} could not be saved:</source>
        <translation>Klo {made} tehtyä kirjautumista ei voitu tallentaa:</translation>
    </message>
    <message>
        <source>the room is booked then.</source>
        <translation>tila on silloin varattu.</translation>
    </message>
    <message>
        <source>the room is booked from {time} ({title}).</source>
        <translation>tila on varattu klo {time} alkaen ({title}).</translation>
    </message>
    <message>
        <source>the meeting had already ended.</source>
        <translation>kokous oli jo päättynyt.</translation>
    </message>
    <message>
        <source>the booking was cancelled.</source>
        <translation>varaus on peruttu.</translation>
    </message>
    <message>
        <source>the booking system did not accept it.</source>
        <translation>varausjärjestelmä ei hyväksynyt sitä.</translation>
    </message>
</context>
<context>
    <name>DoorMode</name>
    <message>
        <source>The room is reserved for an event {until}, so it cannot be booked now.</source>
        <translation>Tila on varattu tapahtumalle {until}, joten sitä ei voi nyt varata.</translation>
    </message>
    <message>
        <source>The room is closed {until}, so it cannot be booked now.</source>
        <translation>Tila on suljettu {until}, joten sitä ei voi nyt varata.</translation>
    </message>
    <message>
        <source>Join online</source>
        <translation>Osallistu etänä</translation>
    </message>
    <message>
        <source>QR code to join the event online</source>
        <translation>QR-koodi tapahtumaan osallistumiseksi etänä</translation>
    </message>
    <message>
        <source>Scan the code with your phone</source>
        <translation>Skannaa koodi puhelimellasi</translation>
    </message>
    <message>
        <source>The whole Lab is in event use.</source>
        <translation>Koko Lab on tapahtumakäytössä.</translation>
    </message>
    <message>
        <source>The whole Lab is closed.</source>
        <translation>Koko Lab on suljettu.</translation>
    </message>
    <message>
        <source>Event from {time}: {title}</source>
        <translation>Tapahtuma klo {time} alkaen: {title}</translation>
    </message>
    <message>
        <source>Event from {time}</source>
        <translation>Tapahtuma klo {time} alkaen</translation>
    </message>
    <message>
        <source>Closed from {time}: {title}</source>
        <translation>Suljettu klo {time} alkaen: {title}</translation>
    </message>
    <message>
        <source>Closed from {time}</source>
        <translation>Suljettu klo {time} alkaen</translation>
    </message>
    <message>
        <source>Event starts in {duration}</source>
        <translation>Tapahtuma alkaa {duration} kuluttua</translation>
    </message>
    <message>
        <source>Closes in {duration}</source>
        <translation>Suljetaan {duration} kuluttua</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <source>Room status</source>
        <extracomment>A touch while an event or closure applies: the controller says why nothing is offered.</extracomment>
        <translation>Huoneen tilanne</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>Myöhemmin tänään</translation>
    </message>
    <message>
        <source>Book for later</source>
        <translation>Varaa myöhemmäksi</translation>
    </message>
    <message>
        <source>The room&apos;s calendar could not be read</source>
        <translation>Huoneen kalenteria ei voitu lukea</translation>
    </message>
    <message>
        <source>Calendar not updated since {time}</source>
        <translation>Kalenteria ei ole päivitetty {time} jälkeen</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Hetki…</translation>
    </message>
    <message>
        <source>Waiting for room {room}</source>
        <translation>Odotetaan huonetta {room}</translation>
    </message>
    <message>
        <source>This room has not been synced yet</source>
        <translation>Huoneen tiedot eivät ole vielä synkronoituneet</translation>
    </message>
    <message>
        <source>No more bookings today</source>
        <translation>Ei enää varauksia tänään</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>ja {count} muuta</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Vapaa</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Varattu</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Tapahtuma</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} t</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} t {minutes} min</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>klo {time} asti</translation>
    </message>
    <message>
        <source>until {date} at {time}</source>
        <translation>{date} klo {time} asti</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(alustava)</translation>
    </message>
    <message>
        <source>Private booking</source>
        <translation>Yksityinen varaus</translation>
    </message>
    <message>
        <source>Booked for the rest of the day</source>
        <translation>Varattu koko loppupäivän</translation>
    </message>
    <message>
        <source>Next free from {time}</source>
        <translation>Vapaa taas klo {time} alkaen</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>Pian vapaa</translation>
    </message>
    <message>
        <source>until further notice</source>
        <extracomment>Shown on an event door in all three languages at once (not translated). Shown on a closed door in all three languages at once (not translated).</extracomment>
        <translation>toistaiseksi</translation>
    </message>
    <message>
        <source>Free for the rest of the day</source>
        <translation>Vapaa loppupäivän</translation>
    </message>
    <message>
        <source>Free until {time}</source>
        <translation>Vapaa klo {time} asti</translation>
    </message>
    <message>
        <source>Next booking in {duration}</source>
        <translation>Seuraava varaus {duration} kuluttua</translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation>{duration} jäljellä</translation>
    </message>
    <message>
        <source>Booked at the door</source>
        <translation>Varattu ovelta</translation>
    </message>
    <message>
        <source>Night mode: touch to wake the screen</source>
        <translation>Yötila: herätä näyttö koskettamalla</translation>
    </message>
    <message>
        <source>QR code to this room&apos;s booking page</source>
        <translation>QR-koodi huoneen varaussivulle</translation>
    </message>
    <message>
        <source>Today&apos;s timeline: {count} bookings</source>
        <translation>Päivän aikajana: {count} varausta</translation>
    </message>
</context>
<context>
    <name>Evacuation</name>
    <message>
        <source>Visitor (name not synced yet)</source>
        <translation>Vieras (nimi ei vielä päivittynyt)</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Vieras</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Jäsen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>Everyone in the building</source>
        <translation>Kaikki rakennuksessa olevat</translation>
    </message>
    <message>
        <source>Checked in: {count} · as of {time}</source>
        <translation>Sisällä: {count} · tilanne klo {time}</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>Tallenna ja tulosta</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Tallenna PDF</translation>
    </message>
    <message>
        <source>The PDF could not be saved.</source>
        <translation>PDF-tiedostoa ei voitu tallentaa.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Tallennettu: {path}</translation>
    </message>
    <message>
        <source>Printing on {printer}…</source>
        <translation>Tulostetaan tulostimella {printer}…</translation>
    </message>
    <message>
        <source>Printed on {printer}.</source>
        <translation>Tulostettu tulostimella {printer}.</translation>
    </message>
    <message>
        <source>Not printed on {printer} ({reason}).</source>
        <translation>Ei tulostettu tulostimella {printer} ({reason}).</translation>
    </message>
    <message>
        <source>Going by e-mail to the hosts on duty ({count}).</source>
        <translation>Lähtee sähköpostilla vuorossa olevalle henkilökunnalle ({count}).</translation>
    </message>
    <message>
        <source>Not e-mailed: nobody is on duty today.</source>
        <translation>Ei lähetetty sähköpostilla: tänään kukaan ei ole vuorossa.</translation>
    </message>
    <message>
        <source>Not e-mailed: it could not be queued.</source>
        <translation>Ei lähetetty sähköpostilla: lähetystä ei voitu jonottaa.</translation>
    </message>
</context>
<context>
    <name>EventCheckin</name>
    <message>
        <source>Scan your ticket</source>
        <translation>Skannaa lippusi</translation>
    </message>
    <message>
        <source>No ticket? Register here</source>
        <translation>Ei lippua? Ilmoittaudu tästä</translation>
    </message>
    <message>
        <source>Visitors and members: scan your invitation or tap your badge as usual</source>
        <translation>Vieraat ja jäsenet: näytä kutsun QR-koodi tai kulkukortti tavalliseen tapaan</translation>
    </message>
    <message>
        <source>Register for {event}</source>
        <translation>Ilmoittaudu: {event}</translation>
    </message>
    <message>
        <source>Register for the event</source>
        <translation>Ilmoittaudu tapahtumaan</translation>
    </message>
    <message>
        <source>We store your name and organisation to count the event&apos;s guests and to know who is in the building. The data is deleted after {days} days.</source>
        <translation>Tallennamme nimesi ja organisaatiosi, jotta tiedämme tapahtuman osallistujamäärän ja sen, ketä talossa on. Tiedot poistetaan {days} päivän kuluttua.</translation>
    </message>
    <message>
        <source>{count} checked in</source>
        <translation>{count} paikalla</translation>
    </message>
    <message>
        <source>{count} of {capacity} checked in</source>
        <translation>{count} paikalla, tilaa {capacity} hengelle</translation>
    </message>
    <message>
        <source>The event is full</source>
        <translation>Tapahtuma on täynnä</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>paikalla</translation>
    </message>
    <message>
        <source>The event is full ({count} / {capacity})</source>
        <translation>Tapahtuma on täynnä ({count} / {capacity})</translation>
    </message>
    <message>
        <source>Please contact a host.</source>
        <translation>Käänny Labin henkilökunnan puoleen.</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Tervetuloa, {name}!</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Tervetuloa!</translation>
    </message>
    <message>
        <source>Enjoy {event}.</source>
        <translation>Mukavaa tapahtumaa: {event}.</translation>
    </message>
    <message>
        <source>Already checked in at {time} — welcome back</source>
        <translation>Tulit jo {time} – tervetuloa takaisin</translation>
    </message>
    <message>
        <source>Good to see you again, {name}.</source>
        <translation>Kiva nähdä taas, {name}.</translation>
    </message>
    <message>
        <source>Your ticket was counted at your first entry.</source>
        <translation>Lippusi on jo laskettu mukaan.</translation>
    </message>
    <message>
        <source>It is for {event} on {date}.</source>
        <translation>Se on tapahtumaan {event} ({date}).</translation>
    </message>
    <message>
        <source>This ticket is for another event</source>
        <translation>Tämä lippu on toiseen tapahtumaan</translation>
    </message>
    <message>
        <source>There is no event right now</source>
        <translation>Nyt ei ole tapahtumaa</translation>
    </message>
    <message>
        <source>Please come back at the time on your ticket, or contact a host.</source>
        <translation>Tule lippuun merkittynä aikana tai käänny Labin henkilökunnan puoleen.</translation>
    </message>
    <message>
        <source>This code is not a ticket</source>
        <translation>Tämä koodi ei ole lippu</translation>
    </message>
    <message>
        <source>Please show the QR code of your ticket or invitation.</source>
        <translation>Näytä lippusi tai kutsusi QR-koodi.</translation>
    </message>
    <message>
        <source>This ticket has been withdrawn</source>
        <translation>Tämä lippu on peruttu</translation>
    </message>
    <message>
        <source>This ticket is valid from {time}.</source>
        <translation>Lippu on voimassa klo {time} alkaen.</translation>
    </message>
    <message>
        <source>This ticket is for {date}.</source>
        <translation>Lippu on päivälle {date}.</translation>
    </message>
    <message>
        <source>Please come back then.</source>
        <translation>Tervetuloa silloin.</translation>
    </message>
    <message>
        <source>This ticket is no longer valid</source>
        <translation>Lippu ei ole enää voimassa</translation>
    </message>
    <message>
        <source>It was valid until {time}.</source>
        <translation>Se oli voimassa {time} asti.</translation>
    </message>
    <message>
        <source>This event is for ticket holders only</source>
        <translation>Tapahtumaan pääsee vain lipulla</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>&amp;Where</source>
        <translation>&amp;Missä</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>&amp;Alkaa</translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation>&amp;Päättyy</translation>
    </message>
    <message>
        <source>&amp;Capacity (0: no limit)</source>
        <translation>&amp;Enimmäismäärä (0: ei rajaa)</translation>
    </message>
    <message>
        <source>&amp;Walk-ins welcome</source>
        <translation>&amp;Ilman lippua tulevat tervetulleita</translation>
    </message>
    <message>
        <source>Title ({language})</source>
        <translation>Otsikko ({language})</translation>
    </message>
    <message>
        <source>Description ({language})</source>
        <translation>Kuvaus ({language})</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Koko Lab</translation>
    </message>
    <message>
        <source>Write the title in Finnish at least.</source>
        <translation>Kirjoita otsikko ainakin suomeksi.</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>Tapahtuma päättyy ennen kuin se alkaa.</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Uusi tapahtuma</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Muokkaa tapahtumaa</translation>
    </message>
</context>
<context>
    <name>EventTickets</name>
    <message>
        <source>Tickets to import</source>
        <translation>Tuotavat liput</translation>
    </message>
    <message>
        <source>Tickets for the chosen event from a CSV file with the columns {columns}. It is checked first: rows that would fail are listed with the reason, and only the good rows are imported.</source>
        <translation>Liput valittuun tapahtumaan CSV-tiedostosta, jonka sarakkeet ovat {columns}. Tiedosto tarkistetaan ensin: epäonnistuvat rivit näytetään syineen, ja vain kunnolliset rivit tuodaan.</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation>Tapahtumat</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Koko Lab</translation>
    </message>
    <message>
        <source>{count} / {capacity}</source>
        <translation>{count} / {capacity}</translation>
    </message>
    <message>
        <source>Event saved.</source>
        <translation>Tapahtuma tallennettu.</translation>
    </message>
    <message>
        <source>Tickets imported: {made}. Rows refused: {refused}.</source>
        <translation>Lippuja tuotu: {made}. Hylättyjä rivejä: {refused}.</translation>
    </message>
    <message>
        <source>Choose an event to see its check-ins.</source>
        <translation>Valitse tapahtuma nähdäksesi sisäänkirjautumiset.</translation>
    </message>
    <message>
        <source>Checked in: {count}</source>
        <translation>Kirjautuneita: {count}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Otsikko</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Missä</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Kirjautuneita</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;Uusi tapahtuma</translation>
    </message>
    <message>
        <source>Sa&amp;ve the event</source>
        <translation>&amp;Tallenna tapahtuma</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Very unhappy</source>
        <translation>Erittäin tyytymätön</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Tyytymätön</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Tyytyväinen</translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation>Erittäin tyytyväinen</translation>
    </message>
    <message>
        <source>How was the event?</source>
        <translation>Millainen tapahtuma oli?</translation>
    </message>
    <message>
        <source>How was {event}?</source>
        <translation>Millainen oli {event}?</translation>
    </message>
    <message>
        <source>How was your visit today?</source>
        <translation>Millainen käyntisi oli tänään?</translation>
    </message>
    <message>
        <source>How is the Lab working for you?</source>
        <translation>Miten Lab toimii sinulle?</translation>
    </message>
    <message>
        <source>Add a comment (optional)</source>
        <translation>Lisää kommentti (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>Sign with my name ({name})</source>
        <translation>Allekirjoita nimelläni ({name})</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Thank you for your feedback!</source>
        <translation>Kiitos palautteestasi!</translation>
    </message>
    <message>
        <source>Tap {done} to choose a face. Your answer is anonymous.</source>
        <translation>Napauta {done} ja valitse hymiö. Vastauksesi on nimetön.</translation>
    </message>
    <message>
        <source>Tap a face. Your answer is anonymous.</source>
        <translation>Valitse hymiö. Vastauksesi on nimetön.</translation>
    </message>
    <message>
        <source>Your name will be shown to the Lab&apos;s hosts.</source>
        <translation>Nimesi näkyy Labin henkilökunnalle.</translation>
    </message>
    <message>
        <source>Sent by itself in {seconds} s, or tap Send.</source>
        <translation>Lähtee {seconds} s kuluttua, tai napauta Lähetä.</translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Fleet</source>
        <translation>Laitteet</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Hiljaa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Kunnossa</translation>
    </message>
    <message>
        <source>{state}, disk full</source>
        <translation>{state}, levy täynnä</translation>
    </message>
    <message>
        <source>{total} kiosks, {silent} silent</source>
        <translation>Kioskeja {total}, hiljaa {silent}</translation>
    </message>
    <message>
        <source>lobby</source>
        <translation>aula</translation>
    </message>
    <message>
        <source>door</source>
        <translation>ovi</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>yhdistetty</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>yhdistää uudelleen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>vikaantunut</translation>
    </message>
    <message>
        <source>noisy</source>
        <translation>häiriöitä</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>pysäytetty</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>Kioskit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Päivitä</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kioski</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Viimeksi kuultu</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Lukijat</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Lähtevät</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Hylätyt</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Kaksoiskäynnistykset</translation>
    </message>
</context>
<context>
    <name>HereToday</name>
    <message>
        <source>Today&apos;s hosts: {names}</source>
        <translation>Tänään vuorossa: {names}</translation>
    </message>
    <message>
        <source>No hosts are on duty today.</source>
        <translation>Henkilökunnasta kukaan ei ole tänään vuorossa.</translation>
    </message>
    <message>
        <source>Here today</source>
        <translation>Paikalla tänään</translation>
    </message>
    <message>
        <source>Colleagues from different agencies who would like to meet. Say hello!</source>
        <translation>Eri virastojen kollegoita, jotka haluavat tutustua. Tervehdi rohkeasti!</translation>
    </message>
    <message>
        <source>Nobody is on the board right now. Members can join after tapping their badge.</source>
        <translation>Taululla ei ole juuri nyt ketään. Jäsenet voivat liittyä näytettyään kulkukorttia lukijalle.</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Lisää</translation>
    </message>
    <message>
        <source>Show more people</source>
        <translation>Näytä lisää henkilöitä</translation>
    </message>
    <message>
        <source>You are on the Here today board</source>
        <translation>Olet Paikalla tänään -taululla</translation>
    </message>
    <message>
        <source>Show me on the Here today board</source>
        <translation>Näytä minut Paikalla tänään -taululla</translation>
    </message>
</context>
<context>
    <name>HostCall</name>
    <message>
        <source>The call did not go through</source>
        <translation>Avunpyyntö ei mennyt perille</translation>
    </message>
    <message>
        <source>Nothing was sent. Please ask someone nearby, or try again.</source>
        <translation>Mitään ei lähetetty. Kysy joltakulta lähellä olevalta tai yritä uudelleen.</translation>
    </message>
    <message>
        <source>{name} is on the way</source>
        <translation>{name} on tulossa</translation>
    </message>
    <message>
        <source>Please wait here. Thank you for your patience!</source>
        <translation>Odota tässä. Kiitos kärsivällisyydestäsi!</translation>
    </message>
    <message>
        <source>A host has been called</source>
        <translation>Henkilökunnalle on ilmoitettu</translation>
    </message>
    <message>
        <source>Called at {time}. A host will come to meet you here.</source>
        <translation>Ilmoitettu klo {time}. Joku henkilökunnasta tulee tapaamaan sinua tähän.</translation>
    </message>
    <message>
        <source>Calling a host…</source>
        <translation>Ilmoitetaan henkilökunnalle…</translation>
    </message>
    <message>
        <source>Host calls</source>
        <translation>Avunpyynnöt</translation>
    </message>
    <message>
        <source>Nobody is waiting for a host.</source>
        <translation>Kukaan ei odota apua.</translation>
    </message>
    <message>
        <source>Lobby</source>
        <translation>Aula</translation>
    </message>
    <message>
        <source>Lobby {number}</source>
        <translation>Aula {number}</translation>
    </message>
    <message>
        <source>{place} at {time}: I&apos;m on my way</source>
        <translation>{place} klo {time}: olen tulossa</translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <source>Title shown on the doors</source>
        <translation>Ovinäytöillä näkyvä otsikko</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <source>Back to the host panel</source>
        <translation>Takaisin henkilökunnan paneeliin</translation>
    </message>
    <message>
        <source>No PIN has been set for you yet. Ask an administrator to set one.</source>
        <translation>Sinulle ei ole vielä asetettu PIN-koodia. Pyydä ylläpitäjää asettamaan se.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The host panel is locked until %1.</source>
        <translation>Liian monta väärää PIN-koodia. Henkilökunnan paneeli on lukittu klo %1 asti.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: no connection to the Lab&apos;s server. Try again in a moment.</source>
        <translation>PIN-koodia ei voitu tarkistaa: ei yhteyttä Labin palvelimeen. Yritä hetken päästä uudelleen.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before the panel locks.</source>
        <translation>Väärä PIN-koodi. %1 yritystä jäljellä ennen lukitusta.</translation>
    </message>
    <message>
        <source>The switch could not be saved. Nothing was changed.</source>
        <translation>Vaihtoa ei voitu tallentaa. Mitään ei muutettu.</translation>
    </message>
    <message>
        <source>the whole Lab</source>
        <translation>koko Lab</translation>
    </message>
    <message>
        <source>Done: %1 is back to normal.</source>
        <translation>Valmis: %1 on taas normaalitilassa.</translation>
    </message>
    <message>
        <source>Done: event mode in %1 from %3 to %2.</source>
        <translation>Valmis: tapahtumatila, %1, klo %3–%2.</translation>
    </message>
    <message>
        <source>Done: %1 closed from %3 to %2.</source>
        <translation>Valmis: %1 suljettu klo %3–%2.</translation>
    </message>
    <message>
        <source>Done: event mode in %1 until %2.</source>
        <translation>Valmis: tapahtumatila, %1, klo %2 asti.</translation>
    </message>
    <message>
        <source>Done: %1 closed until %2.</source>
        <translation>Valmis: %1 suljettu klo %2 asti.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Jokin meni vikaan. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Tapahtuma</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaali</translation>
    </message>
    <message>
        <source>Host calls</source>
        <translation>Avunpyynnöt</translation>
    </message>
    <message>
        <source>Host calls: %1 waiting</source>
        <translation>Avunpyynnöt: %1 odottaa</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Otsikko: %1</translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation>Lisää otsikko</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 klo %2 asti</translation>
    </message>
    <message>
        <source>Host panel</source>
        <translation>Henkilökunnan paneeli</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Close the host panel</source>
        <translation>Sulje henkilökunnan paneeli</translation>
    </message>
    <message>
        <source>Who is in</source>
        <translation>Keitä on paikalla</translation>
    </message>
    <message>
        <source>Evacuation list: everyone in the building</source>
        <translation>Evakuointilista: kaikki rakennuksessa olevat</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Missä</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Koko Lab</translation>
    </message>
    <message>
        <source>Switch to</source>
        <translation>Vaihda tilaan</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Alkaa</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nyt</translation>
    </message>
    <message>
        <source>In 30 min</source>
        <translation>30 min päästä</translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation>Tunnin päästä</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 tunti</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 tuntia</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 tuntia</translation>
    </message>
    <message>
        <source>Rest of the day</source>
        <translation>Päivän loppuun</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Vaihda</translation>
    </message>
    <message>
        <source>Switch the chosen rooms</source>
        <translation>Vaihda valittujen tilojen tila</translation>
    </message>
    <message>
        <source>Prepared for today: start now</source>
        <translation>Valmisteltu tälle päivälle – aloita nyt</translation>
    </message>
    <message>
        <source>Start the event %1 now</source>
        <translation>Aloita tapahtuma %1 nyt</translation>
    </message>
</context>
<context>
    <name>InviteForm</name>
    <message>
        <source>Visitor&apos;s &amp;name</source>
        <translation>Vieraan &amp;nimi</translation>
    </message>
    <message>
        <source>&amp;Organisation (if any)</source>
        <translation>&amp;Organisaatio (jos on)</translation>
    </message>
    <message>
        <source>Visitor&apos;s &amp;e-mail</source>
        <translation>Vieraan &amp;sähköposti</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Vastaanottaja</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>&amp;Ensimmäinen päivä</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>&amp;Viimeinen päivä</translation>
    </message>
    <message>
        <source>E-mail&apos;s l&amp;anguage</source>
        <translation>Sähköpostin &amp;kieli</translation>
    </message>
    <message>
        <source>Write the visitor&apos;s name.</source>
        <translation>Kirjoita vieraan nimi.</translation>
    </message>
    <message>
        <source>Write the visitor&apos;s e-mail address.</source>
        <translation>Kirjoita vieraan sähköpostiosoite.</translation>
    </message>
    <message>
        <source>Choose the host.</source>
        <translation>Valitse vastaanottaja.</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Viimeinen päivä on ennen ensimmäistä.</translation>
    </message>
    <message>
        <source>The visitor gets an e-mail with a QR code for the lobby, in the language you choose, and you are told when they arrive.</source>
        <translation>Vieras saa valitsemallasi kielellä sähköpostin, jossa on QR-koodi aulaa varten, ja sinulle kerrotaan, kun hän saapuu.</translation>
    </message>
    <message>
        <source>&amp;Send the invitation</source>
        <translation>&amp;Lähetä kutsu</translation>
    </message>
</context>
<context>
    <name>InviteMany</name>
    <message>
        <source>Invitations to import</source>
        <translation>Tuotavat kutsut</translation>
    </message>
    <message>
        <source>A CSV file with the columns {columns}. It is checked first: rows that would fail are listed with the reason, and only the good rows are imported.</source>
        <translation>CSV-tiedosto, jossa on sarakkeet {columns}. Se tarkistetaan ensin: epäonnistuvat rivit näytetään syineen, ja vain kunnolliset rivit tuodaan.</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Caps Lock</source>
        <translation>Vaihtolukko</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Vaihto</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Askelpalautin</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Välilyönti</translation>
    </message>
    <message>
        <source>Numbers and symbols</source>
        <translation>Numerot ja merkit</translation>
    </message>
    <message>
        <source>Accented letters</source>
        <translation>Tarkkeelliset kirjaimet</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Kirjaimet</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <source>Hide the keyboard</source>
        <translation>Piilota näppäimistö</translation>
    </message>
</context>
<context>
    <name>LabHome</name>
    <message>
        <source>Give feedback</source>
        <translation>Anna palautetta</translation>
    </message>
    <message>
        <source>Here today</source>
        <translation>Paikalla tänään</translation>
    </message>
    <message>
        <source>Call a host</source>
        <translation>Pyydä apua</translation>
    </message>
</context>
<context>
    <name>LobbyScreen</name>
    <message>
        <source>Check-in</source>
        <translation>Sisäänkirjautuminen</translation>
    </message>
    <message>
        <source>Host panel</source>
        <translation>Henkilökunnan paneeli</translation>
    </message>
    <message>
        <source>Host panel: type your PIN to open it</source>
        <translation>Henkilökunnan paneeli: avaa näppäilemällä PIN-koodisi</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Takaisin alkuun</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Tervetuloa</translation>
    </message>
    <message>
        <source>Tap your badge or show the QR code of your invitation</source>
        <translation>Näytä kutsun QR-koodi tai kulkukortti</translation>
    </message>
    <message>
        <source>No invitation? Register here</source>
        <translation>Ei kutsua? Ilmoittaudu tästä</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Vaihda kieli</translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation>Tervetuloa, {name}!</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Tervetuloa!</translation>
    </message>
    <message>
        <source>Checked in at {time}</source>
        <translation>Kirjauduit sisään klo {time}</translation>
    </message>
    <message>
        <source>Goodbye, {name}! See you soon.</source>
        <translation>Näkemiin, {name}! Nähdään pian.</translation>
    </message>
    <message>
        <source>Goodbye! See you soon.</source>
        <translation>Näkemiin! Nähdään pian.</translation>
    </message>
    <message>
        <source>Checked out at {time}</source>
        <translation>Kirjauduit ulos klo {time}</translation>
    </message>
    <message>
        <source>{name}, you are already checked in</source>
        <translation>{name}, olet jo kirjautunut sisään</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>Olet jo kirjautunut sisään</translation>
    </message>
    <message>
        <source>Checked in since {time}</source>
        <translation>Kirjauduit sisään klo {time}</translation>
    </message>
    <message>
        <source>{name}, you are already checked out</source>
        <translation>{name}, olet jo kirjautunut ulos</translation>
    </message>
    <message>
        <source>You are already checked out</source>
        <translation>Olet jo kirjautunut ulos</translation>
    </message>
    <message>
        <source>Checked out since {time}</source>
        <translation>Kirjauduit ulos klo {time}</translation>
    </message>
    <message>
        <source>Badge not recognised</source>
        <translation>Kulkukorttia ei tunnistettu</translation>
    </message>
    <message>
        <source>Please contact a host. They are happy to help.</source>
        <translation>Käänny Labin henkilökunnan puoleen – autamme mielellämme.</translation>
    </message>
    <message>
        <source>Something went wrong, nothing was saved.</source>
        <translation>Jokin meni vikaan, mitään ei tallennettu.</translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation>Yritä uudelleen.</translation>
    </message>
    <message>
        <source>{host} will come to meet you</source>
        <translation>{host} tulee sinua vastaan</translation>
    </message>
    <message>
        <source>You are checked in. A host will be with you shortly.</source>
        <translation>Olet kirjautunut sisään. Henkilökunta on pian luonasi.</translation>
    </message>
    <message>
        <source>Already checked in at {time}</source>
        <translation>Olet jo kirjautunut sisään {time}</translation>
    </message>
    <message>
        <source>If you need help, please contact a host.</source>
        <translation>Jos tarvitset apua, käänny henkilökunnan puoleen.</translation>
    </message>
    <message>
        <source>This invitation is valid from {time}.</source>
        <translation>Tämä kutsu on voimassa klo {time} alkaen.</translation>
    </message>
    <message>
        <source>This invitation is for {date}.</source>
        <translation>Tämä kutsu koskee päivää {date}</translation>
    </message>
    <message>
        <source>Please come back then, or contact a host.</source>
        <translation>Tervetuloa silloin, tai käänny henkilökunnan puoleen.</translation>
    </message>
    <message>
        <source>It was valid until {time}.</source>
        <translation>Se oli voimassa {time} asti.</translation>
    </message>
    <message>
        <source>This invitation has expired</source>
        <translation>Tämä kutsu on vanhentunut</translation>
    </message>
    <message>
        <source>This code is not a Lab invitation</source>
        <translation>Tämä koodi ei ole Labin kutsu</translation>
    </message>
    <message>
        <source>Please show the QR code of your invitation.</source>
        <translation>Näytä kutsusi QR-koodi.</translation>
    </message>
    <message>
        <source>This invitation cannot be checked here yet</source>
        <translation>Tätä kutsua ei voi vielä tarkistaa täällä</translation>
    </message>
    <message>
        <source>This invitation has been withdrawn</source>
        <translation>Tämä kutsu on peruttu</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Sulje ilmoitus</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>%1 digits typed</source>
        <translation>%1 numeroa syötetty</translation>
    </message>
    <message>
        <source>Hello %1, type your PIN</source>
        <translation>Hei %1, näppäile PIN-koodisi</translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation>Näppäile PIN-koodisi</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation>Vahvista PIN-koodi</translation>
    </message>
    <message>
        <source>Erase a digit</source>
        <translation>Poista numero</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Usage report</source>
        <translation>Käyttöraportti</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <source>Made {when}. Figures are aggregates; the report names no one.</source>
        <translation>Laadittu {when}. Luvut ovat koosteita; raportissa ei ole kenenkään nimiä.</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>käyntiä</translation>
    </message>
    <message>
        <source>visits by members</source>
        <translation>jäsenten käyntejä</translation>
    </message>
    <message>
        <source>visits by visitors</source>
        <translation>vieraiden käyntejä</translation>
    </message>
    <message>
        <source>rooms booked</source>
        <translation>tilojen varausaste</translation>
    </message>
    <message>
        <source>events</source>
        <translation>tapahtumaa</translation>
    </message>
    <message>
        <source>feedback answers</source>
        <translation>palautetta</translation>
    </message>
    <message>
        <source>Visits per day</source>
        <translation>Käynnit päivittäin</translation>
    </message>
    <message>
        <source>Visits per week</source>
        <translation>Käynnit viikoittain</translation>
    </message>
    <message>
        <source>{total} visits in all: {members} by members, {visitors} by visitors.</source>
        <translation>Yhteensä {total} käyntiä: jäseniä {members}, vieraita {visitors}.</translation>
    </message>
    <message>
        <source> Busiest day {day}: {count} visits.</source>
        <translation> Vilkkain päivä {day}: {count} käyntiä.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Jäsenet</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Vieraat</translation>
    </message>
    <message>
        <source>Busiest hours</source>
        <translation>Vilkkaimmat tunnit</translation>
    </message>
    <message>
        <source>Arrivals by weekday and hour of day, {total} in all.</source>
        <translation>Saapumiset viikonpäivän ja kellonajan mukaan, yhteensä {total}.</translation>
    </message>
    <message>
        <source> Most arrivals on {day} at {hour}: {count}.</source>
        <translation> Eniten saapumisia {day} klo {hour}: {count}.</translation>
    </message>
    <message>
        <source>Number in a cell: people who arrived in that hour, over the whole period.</source>
        <translation>Luku ruudussa: saapuneita henkilöitä tunnin aikana koko jaksolla.</translation>
    </message>
    <message>
        <source>Room utilisation</source>
        <translation>Tilojen käyttöaste</translation>
    </message>
    <message>
        <source>Booked and used hours as a share of opening hours ({hours} h per room).</source>
        <translation>Varatut ja käytetyt tunnit aukioloajasta ({hours} h/tila).</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Varattu</translation>
    </message>
    <message>
        <source>Used (checked in at the door)</source>
        <translation>Käytetty (sisäänkirjaus ovella)</translation>
    </message>
    <message>
        <source>{share} · {hours} h</source>
        <translation>{share} · {hours} h</translation>
    </message>
    <message>
        <source>Events and attendance</source>
        <translation>Tapahtumat ja osallistujat</translation>
    </message>
    <message>
        <source>{count} events, {checkins} attendees.</source>
        <translation>{count} tapahtumaa, {checkins} osallistujaa.</translation>
    </message>
    <message>
        <source>{checkins} / {capacity} places</source>
        <translation>{checkins} / {capacity} paikkaa</translation>
    </message>
    <message>
        <source>{checkins} checked in</source>
        <translation>{checkins} saapunutta</translation>
    </message>
    <message>
        <source>{tickets} tickets</source>
        <translation>{tickets} lippua</translation>
    </message>
    <message>
        <source>no capacity set</source>
        <translation>ei paikkamäärää</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Saapuneet</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Paikkamäärä</translation>
    </message>
    <message>
        <source>And {count} more events (see --json).</source>
        <translation>Lisäksi {count} tapahtumaa (ks. --json).</translation>
    </message>
    <message>
        <source>Feedback per week</source>
        <translation>Palaute viikoittain</translation>
    </message>
    <message>
        <source>Feedback per month</source>
        <translation>Palaute kuukausittain</translation>
    </message>
    <message>
        <source>Feedback by where it was given</source>
        <translation>Palaute antopaikan mukaan</translation>
    </message>
    <message>
        <source>{total} answers, {comments} comments.</source>
        <translation>{total} vastausta, {comments} kommenttia.</translation>
    </message>
    <message>
        <source>no answers</source>
        <translation>ei vastauksia</translation>
    </message>
    <message>
        <source>n = {n}</source>
        <translation>{n} vast.</translation>
    </message>
    <message>
        <source>1 very unhappy</source>
        <translation>1 erittäin tyytymätön</translation>
    </message>
    <message>
        <source>2 unhappy</source>
        <translation>2 tyytymätön</translation>
    </message>
    <message>
        <source>3 happy</source>
        <translation>3 tyytyväinen</translation>
    </message>
    <message>
        <source>4 very happy</source>
        <translation>4 erittäin tyytyväinen</translation>
    </message>
    <message>
        <source>Lobby home screen</source>
        <translation>Aulanäyttö</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Uloskirjautuminen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Tapahtuma</translation>
    </message>
    <message>
        <source>wk {week}</source>
        <translation>vko {week}</translation>
    </message>
    <message>
        <source>No data for this period.</source>
        <translation>Ei tietoja tältä jaksolta.</translation>
    </message>
    <message>
        <source>There were no events in this period.</source>
        <translation>Jaksolla ei ollut tapahtumia.</translation>
    </message>
    <message>
        <source>No rooms are set up.</source>
        <translation>Tiloja ei ole määritelty.</translation>
    </message>
    <message>
        <source>No feedback was given in this period.</source>
        <translation>Palautetta ei annettu tällä jaksolla.</translation>
    </message>
    <message>
        <source>How these figures were computed</source>
        <translation>Miten luvut on laskettu</translation>
    </message>
    <message>
        <source>A visit is a check-in of a member or a visitor on a local day ({tz}); a person counts once per day, at their first arrival. Hosts and admins are staff and do not count. A visitor is known by their visitor record, else by their invitation; otherwise the check-in counts on its own.</source>
        <translation>Käynti on jäsenen tai vieraan sisäänkirjautuminen paikallisena päivänä ({tz}); sama henkilö lasketaan kerran päivässä ensimmäisen saapumisensa mukaan. Henkilökunnan ja ylläpitäjien kirjautumiset eivät ole käyntejä. Vieras tunnistetaan vierailutiedoista, muuten kutsusta; muuten kirjaus lasketaan yksin.</translation>
    </message>
    <message>
        <source>Busiest hours: each visit counts in the cell of its first arrival&apos;s weekday and hour, so the cells add up to the number of visits.</source>
        <translation>Vilkkaimmat tunnit: jokainen käynti lasketaan ensimmäisen saapumisen viikonpäivän ja tunnin ruutuun, joten ruutujen summa on käyntien määrä.</translation>
    </message>
    <message>
        <source>Opening hours: {opening}. Booked hours: confirmed, provisional and released (no-show) bookings, clipped to opening hours, overlaps counted once. Used hours: bookings someone checked in to at the door, from start to their (possibly shortened) end. Utilisation = hours / opening hours.</source>
        <translation>Aukioloaika: {opening}. Varatut tunnit: vahvistetut, alustavat ja vapautetut (saapumatta jääneet) varaukset aukioloaikaan rajattuna, päällekkäisyydet kerran. Käytetyt tunnit: varaukset, joihin joku kirjautui ovella, alusta (mahdollisesti aikaistettuun) loppuun. Käyttöaste = tunnit / aukiolotunnit.</translation>
    </message>
    <message>
        <source>An event belongs to the period when it starts in it. Checked in: the distinct people whose check-in names the event. Tickets: its event-ticket invitations not withdrawn.</source>
        <translation>Tapahtuma kuuluu jaksoon, jos se alkaa jaksolla. Saapuneet: eri henkilöt, joiden sisäänkirjaus nimeää tapahtuman. Liput: tapahtuman tapahtumalippukutsut, joita ei ole peruttu.</translation>
    </message>
    <message>
        <source>Feedback: each answer (faces 1–4) counts by its local ISO week (month, for long periods) and by where it was given. Comments are only counted, never shown: they may contain names.</source>
        <translation>Palaute: jokainen vastaus (kasvot 1–4) lasketaan paikallisen ISO-viikon (pitkällä jaksolla kuukauden) ja antopaikan mukaan. Kommentit vain lasketaan; niitä ei näytetä, koska niissä voi olla nimiä.</translation>
    </message>
    <message>
        <source>Every number in the charts: the same command with --json.</source>
        <translation>Kaikki kaavioiden luvut: sama komento valitsimella --json.</translation>
    </message>
</context>
<context>
    <name>ReportMonth</name>
    <message>
        <source>Jan</source>
        <translation>tammikuu</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>helmikuu</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>maaliskuu</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>huhtikuu</translation>
    </message>
    <message>
        <source>May</source>
        <translation>toukokuu</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>kesäkuu</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>heinäkuu</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>elokuu</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>syyskuu</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>lokakuu</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>marraskuu</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>joulukuu</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Alkaen</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Asti</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Muoto</translation>
    </message>
    <message>
        <source>Feedback and report</source>
        <translation>Palaute ja raportti</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Viimeinen päivä on ennen ensimmäistä.</translation>
    </message>
    <message>
        <source>Answers: {total}. Very unhappy {s1} · Unhappy {s2} · Happy {s3} · Very happy {s4}</source>
        <translation>Vastauksia: {total}. Erittäin tyytymätön {s1} · Tyytymätön {s2} · Tyytyväinen {s3} · Erittäin tyytyväinen {s4}</translation>
    </message>
    <message>
        <source>Very unhappy</source>
        <translation>Erittäin tyytymätön</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Tyytymätön</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Tyytyväinen</translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation>Erittäin tyytyväinen</translation>
    </message>
    <message>
        <source>lobby</source>
        <translation>aula</translation>
    </message>
    <message>
        <source>check-out</source>
        <translation>uloskirjautuminen</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Raporttia tehdään…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Tallenna raportti</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Tallennettu: {path}</translation>
    </message>
    <message>
        <source>Saved: {path}. No program to open it was found.</source>
        <translation>Tallennettu: {path}. Sen avaavaa ohjelmaa ei löytynyt.</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Palaute</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Vastaus</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Missä</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentti</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Ajanjakso</translation>
    </message>
    <message>
        <source>Show the &amp;feedback</source>
        <translation>&amp;Näytä palaute</translation>
    </message>
    <message>
        <source>Usage report</source>
        <translation>Käyttöraportti</translation>
    </message>
    <message>
        <source>&amp;Make and open</source>
        <translation>&amp;Tee ja avaa</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>Tallenna &amp;nimellä…</translation>
    </message>
</context>
<context>
    <name>ReportWeekday</name>
    <message>
        <source>Mon</source>
        <translation>ma</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>ti</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>ke</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>pe</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>la</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>su</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>maanantaina</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>tiistaina</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>keskiviikkona</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>torstaina</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>perjantaina</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lauantaina</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>sunnuntaina</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>&amp;Room or the whole Lab</source>
        <translation>&amp;Huone tai koko Lab</translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation>Ti&amp;la</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Asti</translation>
    </message>
    <message>
        <source>&amp;Event&apos;s name (shown on the doors)</source>
        <translation>&amp;Tapahtuman nimi (näkyy ovinäytöillä)</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Huoneet</translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation>Koko Lab</translation>
    </message>
    <message>
        <source>{mode} until {time}</source>
        <translation>{mode} {time} asti</translation>
    </message>
    <message>
        <source>Now: {mode}</source>
        <translation>Nyt: {mode}</translation>
    </message>
    <message>
        <source>Week {number}: {first} – {last}</source>
        <translation>Viikko {number}: {first} – {last}</translation>
    </message>
    <message>
        <source>Booked (private)</source>
        <translation>Varattu (yksityinen)</translation>
    </message>
    <message>
        <source>No bookings this week.</source>
        <translation>Ei varauksia tällä viikolla.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Valitse tuleva aika.</translation>
    </message>
    <message>
        <source>Switch {where} to event mode until {time}?</source>
        <translation>Vaihdetaanko {where} tapahtumatilaan {time} asti?</translation>
    </message>
    <message>
        <source>Close {where} until {time}?</source>
        <translation>Suljetaanko {where} {time} asti?</translation>
    </message>
    <message>
        <source>Switch {where} to normal until {time}?</source>
        <translation>Palautetaanko {where} tavalliseen tilaan {time} asti?</translation>
    </message>
    <message>
        <source>Switch the mode</source>
        <translation>Vaihda tila</translation>
    </message>
    <message>
        <source>Switched: {where} is now {mode}.</source>
        <translation>Vaihdettu: {where} – {mode}.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Tapahtuma</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Tavallinen</translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation>H&amp;uone</translation>
    </message>
    <message>
        <source>&amp;Previous week</source>
        <translation>&amp;Edellinen viikko</translation>
    </message>
    <message>
        <source>Ne&amp;xt week</source>
        <translation>&amp;Seuraava viikko</translation>
    </message>
    <message>
        <source>Bookings this week</source>
        <translation>Viikon varaukset</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Päivä</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Mitä</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kuka</translation>
    </message>
    <message>
        <source>Switch a room or the whole Lab</source>
        <translation>Vaihda huoneen tai koko Labin tila</translation>
    </message>
    <message>
        <source>S&amp;witch…</source>
        <translation>&amp;Vaihda…</translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <source>Offline</source>
        <translation>Ei verkkoyhteyttä</translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation>Ei verkkoyhteyttä klo {time} alkaen</translation>
    </message>
    <message>
        <source>Offline since {date} at {time}</source>
        <translation>Ei verkkoyhteyttä {date} klo {time} alkaen</translation>
    </message>
    <message>
        <source>Reader {name} is receiving interference. Please tell a host.</source>
        <translation>Lukija {name} saa häiriöitä. Kerro asiasta henkilökunnalle.</translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation>1 muutos odottaa lähetystä</translation>
    </message>
    <message>
        <source>{count} changes waiting to be sent</source>
        <translation>{count} muutosta odottaa lähetystä</translation>
    </message>
    <message>
        <source>Syncing for the first time…</source>
        <translation>Synkronoidaan ensimmäistä kertaa…</translation>
    </message>
    <message>
        <source>Another screen uses this kiosk&apos;s id ({kiosk}). Please tell a host.</source>
        <translation>Toinen näyttö käyttää tämän kioskin tunnusta ({kiosk}). Kerro asiasta henkilökunnalle.</translation>
    </message>
    <message>
        <source>This kiosk&apos;s disk is full. Please tell a host.</source>
        <translation>Tämän laitteen levy on täynnä. Kerro asiasta henkilökunnalle.</translation>
    </message>
    <message>
        <source>Reader {name}: reconnecting…</source>
        <translation>Lukija {name}: yhdistetään uudelleen…</translation>
    </message>
    <message>
        <source>Reader {name} is not working. Please tell a host.</source>
        <translation>Lukija {name} ei toimi. Kerro asiasta henkilökunnalle.</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation>Oletko vielä paikalla?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Jatka</translation>
    </message>
    <message>
        <source>This form will be cleared in {seconds} s.</source>
        <translation>Lomake tyhjennetään {seconds} s kuluttua.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Expected visitors ({count})</source>
        <translation>Odotetut vieraat ({count})</translation>
    </message>
    <message>
        <source>In the Lab now ({count})</source>
        <translation>Labissa nyt ({count})</translation>
    </message>
    <message>
        <source>in since {time}</source>
        <translation>sisällä klo {time} alkaen</translation>
    </message>
    <message>
        <source>came at {time}, left</source>
        <translation>tuli klo {time}, lähtenyt</translation>
    </message>
    <message>
        <source>invitation revoked</source>
        <translation>kutsu peruttu</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>odotetaan</translation>
    </message>
    <message>
        <source>visitor</source>
        <translation>vieras</translation>
    </message>
    <message>
        <source>member</source>
        <translation>jäsen</translation>
    </message>
    <message>
        <source>Invitation made for {name}; the e-mail is on its way.</source>
        <translation>Kutsu tehty: {name}. Sähköposti on matkalla.</translation>
    </message>
    <message>
        <source>Invitations made: {made}; e-mails on their way: {emails}.</source>
        <translation>Kutsuja tehty: {made}. Sähköposteja matkalla: {emails}.</translation>
    </message>
    <message>
        <source>Today in the Lab</source>
        <translation>Tänään Labissa</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Päivitä</translation>
    </message>
    <message>
        <source>Expected visitors</source>
        <translation>Odotetut vieraat</translation>
    </message>
    <message>
        <source>In the Lab now</source>
        <translation>Labissa nyt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisaatio</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Vastaanottaja</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tilanne</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Kuka</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Alkaen</translation>
    </message>
    <message>
        <source>Invite a visitor</source>
        <translation>Kutsu vieras</translation>
    </message>
    <message>
        <source>Invite many</source>
        <translation>Kutsu useita</translation>
    </message>
</context>
<context>
    <name>VisitorForm</name>
    <message>
        <source>Your name</source>
        <translation>Nimesi</translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation>Organisaatio (vapaaehtoinen)</translation>
    </message>
    <message>
        <source>I accept</source>
        <translation>Hyväksyn</translation>
    </message>
    <message>
        <source>I accept the privacy notice</source>
        <translation>Hyväksyn tietosuojailmoituksen</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Kirjaudu sisään</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation>Kirjoita nimesi.</translation>
    </message>
    <message>
        <source>Please accept the privacy notice.</source>
        <translation>Hyväksy tietosuojailmoitus.</translation>
    </message>
</context>
<context>
    <name>Walkin</name>
    <message>
        <source>Register as a visitor</source>
        <translation>Ilmoittaudu vieraaksi</translation>
    </message>
    <message>
        <source>Who are you here to see?</source>
        <translation>Kenen luokse tulet?</translation>
    </message>
    <message>
        <source>We store your name, organisation and host to know who is in the building and to tell your host that you arrived. The data is deleted after {days} days.</source>
        <translation>Tallennamme nimesi, organisaatiosi ja vastaanottajasi, jotta tiedämme, ketä rakennuksessa on, ja voimme kertoa vastaanottajallesi saapumisestasi. Tiedot poistetaan {days} päivän kuluttua.</translation>
    </message>
    <message>
        <source>Please choose who you are here to see.</source>
        <translation>Valitse, kenen luokse tulet.</translation>
    </message>
</context>
</TS>
