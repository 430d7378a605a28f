import { LightningElement, api } from 'lwc';

/** Stand-in for lightning-formatted-date-time: Intl.DateTimeFormat with the same attributes. */
export default class FormattedDateTime extends LightningElement {
    @api value;
    @api year;
    @api month;
    @api day;
    @api weekday;
    @api hour;
    @api minute;
    @api second;
    @api timeZone;
    @api timeZoneName;
    @api hour12;

    get formatted() {
        if (this.value === undefined || this.value === null || this.value === '') return '';
        const date = new Date(this.value);
        if (Number.isNaN(date.getTime())) return '';
        const options = {};
        for (const key of ['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second', 'timeZone', 'timeZoneName']) {
            if (this[key]) options[key] = this[key];
        }
        if (this.hour12 !== undefined) options.hour12 = this.hour12 !== false && this.hour12 !== 'false';
        // With no part requested the platform shows the date only.
        if (!Object.keys(options).length) Object.assign(options, { year: 'numeric', month: 'numeric', day: 'numeric' });
        return new Intl.DateTimeFormat(undefined, options).format(date);
    }
}
