<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallRecordsDialog</name>
    <message numerus="yes">
        <location filename="../../agent_app/ui/calls/call_records_dialog.py" line="+141"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeatBoardPage</name>
    <message numerus="yes">
        <location filename="../../agent_app/ui/supervisor/board_page.py" line="+294"/>
        <source>%n seat(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
