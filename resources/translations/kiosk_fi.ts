<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>DoorScreen</name>
    <message>
        <source>Room status</source>
        <translation>Huoneen tilanne</translation>
    </message>
    <message>
        <source>Later today</source>
        <translation>Myöhemmin tänään</translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation>Hetki…</translation>
    </message>
    <message>
        <source>Fetching this room&apos;s bookings</source>
        <translation>Haetaan huoneen varauksia</translation>
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
        <source>until further notice</source>
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
</context>
<context>
    <name>LobbyScreen</name>
    <message>
        <source>Check-in</source>
        <translation>Sisäänkirjautuminen</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Tervetuloa</translation>
    </message>
    <message>
        <source>Tap your badge or show the QR code of your invitation</source>
        <translation>Näytä kutsun QR-koodi tai napauta kulkukorttia</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Takaisin alkuun</translation>
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
        <translation>Korttia ei tunnistettu</translation>
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
        <source>Reader {name}: reconnecting…</source>
        <translation>Lukija {name}: yhdistetään uudelleen…</translation>
    </message>
    <message>
        <source>Reader {name} is not working. Please tell a host.</source>
        <translation>Lukija {name} ei toimi. Kerro asiasta henkilökunnalle.</translation>
    </message>
</context>
</TS>
