import { LightningElement, api } from 'lwc';

/** Stand-in for lightning-spinner: the SLDS spinner markup. */
export default class Spinner extends LightningElement {
    @api alternativeText = 'Loading';
    @api size = 'medium';
    @api variant;

    get spinnerClass() {
        const variant = this.variant === 'brand' ? ' slds-spinner_brand' : this.variant === 'inverse' ? ' slds-spinner_inverse' : '';
        return `slds-spinner slds-spinner_${this.size}${variant}`;
    }
}
