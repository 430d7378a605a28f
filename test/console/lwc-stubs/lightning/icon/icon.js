import { LightningElement, api } from 'lwc';

/** Stand-in for lightning-icon: "category:name" → the SLDS sprite the console serves under /slds. */
export default class Icon extends LightningElement {
    @api iconName = '';
    @api size = 'medium';
    @api alternativeText;
    @api variant;

    get parts() {
        const [category, name] = String(this.iconName).split(':');
        return { category: category || 'utility', name: name || 'info' };
    }
    get href() {
        const { category, name } = this.parts;
        return `/slds/icons/${category}-sprite/svg/symbols.svg#${name}`;
    }
    get containerClass() {
        const { category, name } = this.parts;
        const tint = category === 'utility' ? '' : ` slds-icon-${category}-${name.replace(/_/g, '-')}`;
        return `slds-icon_container${tint}`;
    }
    get svgClass() {
        const colour = this.parts.category === 'utility' ? ' slds-icon-text-default' : '';
        return `slds-icon slds-icon_${this.size}${colour}`;
    }
}
