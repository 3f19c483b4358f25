<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Checkout</name>
    <message>
        <source>Check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your name. With an invitation, you can also scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No visitors are checked in. Members check out with their badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in since {time}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleProblem</name>
    <message>
        <source>Your staff credential is no longer valid. Ask IT for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: the Lab&apos;s service cannot be reached. What you see may be out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleRefusal</name>
    <message>
        <source>The visitor&apos;s name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation is longer than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end is already in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invitation can be valid for one year at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} no longer receives visitors: choose another host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No host “{host}” is known at the Lab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{address}” is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The e-mail&apos;s language must be Finnish, Swedish or English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service has no sender address for e-mails. Ask IT to set one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is not yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is not a date like 2026-11-27 or 2026-11-27T09:00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {column} has an invisible or control character ({char}): remove it and save the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {column} shows nothing: it holds only invisible characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row has more fields than the first row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Lab&apos;s database did not accept it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation card could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It can start {days} days ahead at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date is too far in the past or the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column {column}: “{value}” is outside the years {first} to {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s dates are outside the years {first} to {last}: correct the event first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service could not check this row because of an error of its own. Ask IT: the service&apos;s log names it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too long: split it into smaller ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has more than {limit} rows: split it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s first row must name the columns {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read at row {line}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the title in Finnish at least.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is longer than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is longer than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The online link must start with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The online link is longer than {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event can last {days} days at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can switch the mode for {days} days at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capacity must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event was started at a host panel: change it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is already over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Lab has no room {rooms}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the Lab&apos;s hosts may switch a room&apos;s mode. Ask one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room cannot be switched to that mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service makes the report as HTML only: choose HTML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report is made as PDF or HTML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to report for the period: no visits, bookings, events or feedback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A period can be {days} days at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your staff credential names no person. Ask IT for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service cannot sign invitations yet. Ask IT to set it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests at once: try again in {retry_after} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something in the form is not valid: check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen host no longer receives visitors: choose another host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen host is no longer known at the Lab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests at once: try again soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service said no: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Lab Kiosk – staff console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvCheck</name>
    <message>
        <source>CSV file to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows imported: {ok}. Rows refused at the import: {bad}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows that can be imported: {ok}. Rows that will fail: {bad}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose a CSV file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows that will fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import the good rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoorActions</name>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book this room until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend the current booking until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the current booking now and free the room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in to the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your badge on the reader: {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an action on the screen first, then tap your badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked {span}. Welcome{who}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed as soon as the booking system has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extended until {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking ended. The room is free. Thank you{who}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in. Have a good meeting{who}!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This room needs a badge tap for that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge not recognised. Please ask a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That booking has already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no meeting to check in to right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That booking is no longer here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is not free right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is booked from {time}, so there is no time for that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no time for that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in opens at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This meeting is already checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong; nothing was saved. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking {span} made at this door could not be confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room was booked elsewhere first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is booked {span}: {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extension until {time} made at this door at {made} could not be saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending the meeting at {made} could not be saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check-in at {made} could not be saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the room is booked then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the room is booked from {time} ({title}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the meeting had already ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the booking was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the booking system did not accept it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoorMode</name>
    <message>
        <source>The room is reserved for an event {until}, so it cannot be booked now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room is closed {until}, so it cannot be booked now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code to join the event online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the code with your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole Lab is in event use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole Lab is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event from {time}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event from {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed from {time}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed from {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event starts in {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes in {duration}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <source>Room status</source>
        <extracomment>A touch while an event or closure applies: the controller says why nothing is offered.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book for later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s calendar could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar not updated since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One moment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for room {room}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This room has not been synced yet</source>
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
        <source>Booked for the rest of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next free from {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until further notice</source>
        <extracomment>Shown on an event door in all three languages at once (not translated). Shown on a closed door in all three languages at once (not translated).</extracomment>
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
    <message>
        <source>Booked at the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night mode: touch to wake the screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code to this room&apos;s booking page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s timeline: {count} bookings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Evacuation</name>
    <message>
        <source>Visitor (name not synced yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in the building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in: {count} · as of {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing on {printer}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed on {printer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed on {printer} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Going by e-mail to the hosts on duty ({count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not e-mailed: nobody is on duty today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not e-mailed: it could not be queued.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventCheckin</name>
    <message>
        <source>Scan your ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ticket? Register here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors and members: scan your invitation or tap your badge as usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register for {event}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register for the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We store your name and organisation to count the event&apos;s guests and to know who is in the building. The data is deleted after {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} of {capacity} checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event is full ({count} / {capacity})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please contact a host.</source>
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
        <source>Enjoy {event}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already checked in at {time} — welcome back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good to see you again, {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your ticket was counted at your first entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is for {event} on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is for another event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no event right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please come back at the time on your ticket, or contact a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code is not a ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please show the QR code of your ticket or invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket has been withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is valid from {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is for {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please come back then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is no longer valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was valid until {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event is for ticket holders only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>&amp;Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capacity (0: no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Walk-ins welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the title in Finnish at least.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventTickets</name>
    <message>
        <source>Tickets to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets for the chosen event from a CSV file with the columns {columns}. It is checked first: rows that would fail are listed with the reason, and only the good rows are imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} / {capacity}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tickets imported: {made}. Rows refused: {refused}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an event to see its check-ins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve the event</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Very unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was the event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was {event}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How was your visit today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How is the Lab working for you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with my name ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your feedback!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap {done} to choose a face. Your answer is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap a face. Your answer is anonymous.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name will be shown to the Lab&apos;s hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by itself in {seconds} s, or tap Send.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FleetPage</name>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}, disk full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} kiosks, {silent} silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lobby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noisy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HereToday</name>
    <message>
        <source>Today&apos;s hosts: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hosts are on duty today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleagues from different agencies who would like to meet. Say hello!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is on the board right now. Members can join after tapping their badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are on the Here today board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show me on the Here today board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostCall</name>
    <message>
        <source>The call did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent. Please ask someone nearby, or try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is on the way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait here. Thank you for your patience!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host has been called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called at {time}. A host will come to meet you here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling a host…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lobby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lobby {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{place} at {time}: I&apos;m on my way</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <source>Title shown on the doors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the host panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PIN has been set for you yet. Ask an administrator to set one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. The host panel is locked until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN could not be checked: no connection to the Lab&apos;s server. Try again in a moment.</source>
        <translation>The PIN could not be checked: no connection to the Lab&apos;s server. Try again in a moment.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before the panel locks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The switch could not be saved. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 is back to normal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: event mode in %1 from %3 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 closed from %3 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: event mode in %1 until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 closed until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
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
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host calls: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the host panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evacuation list: everyone in the building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 30 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rest of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the chosen rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared for today: start now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the event %1 now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InviteForm</name>
    <message>
        <source>Visitor&apos;s &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation (if any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor&apos;s &amp;e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail&apos;s l&amp;anguage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the visitor&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the visitor&apos;s e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visitor gets an e-mail with a QR code for the lobby, in the language you choose, and you are told when they arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send the invitation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InviteMany</name>
    <message>
        <source>Invitations to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV file with the columns {columns}. It is checked first: rows that would fail are listed with the reason, and only the good rows are imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Caps Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers and symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accented letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the keyboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabHome</name>
    <message>
        <source>Give feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call a host</source>
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
        <source>Host panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host panel: type your PIN to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to start</source>
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
        <source>No invitation? Register here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check out</source>
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
    <message>
        <source>{host} will come to meet you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are checked in. A host will be with you shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already checked in at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you need help, please contact a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation is valid from {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation is for {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please come back then, or contact a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was valid until {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code is not a Lab invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please show the QR code of your invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation cannot be checked here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation has been withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>%1 digits typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello %1, type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Usage report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made {when}. Figures are aggregates; the report names no one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits by members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visits by visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rooms booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feedback answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} visits in all: {members} by members, {visitors} by visitors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Busiest day {day}: {count} visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals by weekday and hour of day, {total} in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Most arrivals on {day} at {hour}: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number in a cell: people who arrived in that hour, over the whole period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked and used hours as a share of opening hours ({hours} h per room).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used (checked in at the door)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{share} · {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events and attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} events, {checkins} attendees.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checkins} / {capacity} places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checkins} checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tickets} tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no capacity set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And {count} more events (see --json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback by where it was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} answers, {comments} comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n = {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 very unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 very happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lobby home screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wk {week}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There were no events in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rooms are set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback was given in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How these figures were computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visit is a check-in of a member or a visitor on a local day ({tz}); a person counts once per day, at their first arrival. Hosts and admins are staff and do not count. A visitor is known by their visitor record, else by their invitation; otherwise the check-in counts on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busiest hours: each visit counts in the cell of its first arrival&apos;s weekday and hour, so the cells add up to the number of visits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours: {opening}. Booked hours: confirmed, provisional and released (no-show) bookings, clipped to opening hours, overlaps counted once. Used hours: bookings someone checked in to at the door, from start to their (possibly shortened) end. Utilisation = hours / opening hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An event belongs to the period when it starts in it. Checked in: the distinct people whose check-in names the event. Tickets: its event-ticket invitations not withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback: each answer (faces 1–4) counts by its local ISO week (month, for long periods) and by where it was given. Comments are only counted, never shown: they may contain names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every number in the charts: the same command with --json.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportMonth</name>
    <message>
        <source>Jan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dec</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback and report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers: {total}. Very unhappy {s1} · Unhappy {s2} · Happy {s3} · Very happy {s4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lobby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}. No program to open it was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportWeekday</name>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <source>&amp;Room or the whole Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event&apos;s name (shown on the doors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{mode} until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: {mode}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week {number}: {first} – {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked (private)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookings this week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch {where} to event mode until {time}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close {where} until {time}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch {where} to normal until {time}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switched: {where} is now {mode}.</source>
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
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;oom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch a room or the whole Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch…</source>
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
        <source>Reader {name} is receiving interference. Please tell a host.</source>
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
        <source>Another screen uses this kiosk&apos;s id ({kiosk}). Please tell a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kiosk&apos;s disk is full. Please tell a host.</source>
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
<context>
    <name>StillThere</name>
    <message>
        <source>Still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This form will be cleared in {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected visitors ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Lab now ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>came at {time}, left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invitation revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation made for {name}; the e-mail is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations made: {made}; e-mails on their way: {emails}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today in the Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the Lab now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite a visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invite many</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitorForm</name>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I accept the privacy notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please type your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please accept the privacy notice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Walkin</name>
    <message>
        <source>Register as a visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who are you here to see?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We store your name, organisation and host to know who is in the building and to tell your host that you arrived. The data is deleted after {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose who you are here to see.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
