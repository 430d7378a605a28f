/** Stand-in for lightning/platformShowToastEvent: the console page listens for this event and shows an SLDS toast. */
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
