<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>DoorScreen</name>
    <message>
        <source>Room status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching this room&apos;s bookings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more bookings today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until {date} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until further notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free for the rest of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next booking in {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{duration} left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LobbyScreen</name>
    <message>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your badge or show the QR code of your invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, {name}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye, {name}! See you soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goodbye! See you soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked out at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, you are already checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, you are already checked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are already checked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked out since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please contact a host. They are happy to help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong, nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusStrip</name>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since {date} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} changes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing for the first time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader {name}: reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader {name} is not working. Please tell a host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
